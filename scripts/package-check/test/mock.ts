// The mock provider for every test file, as packages/mock/README.md sets it up in Node tests (msw/node).
import { cleanup } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { MockProviderOptions } from '@rill/mock';
import { createMockHandlers } from '@rill/mock/msw';

const server = setupServer();
const nodeFetch = globalThis.fetch;

/** Answers every provider path (under any prefix) with these options until the test ends. */
export function serve(options: MockProviderOptions): void {
  server.resetHandlers(...createMockHandlers({ timing: { ttftMs: 0, tokenDelayMs: 1, jitterMs: 0 }, ...options }));
}

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  const intercepted = globalThis.fetch;
  // A browser resolves '/api/…' against the page; Node's fetch has no page, so resolve it as the page would.
  globalThis.fetch = (input, init) =>
    intercepted(typeof input === 'string' && input.startsWith('/') ? new URL(input, location.href).href : input, init);
});
afterEach(() => {
  cleanup();
  localStorage.clear();
  server.resetHandlers();
});
afterAll(() => {
  globalThis.fetch = nodeFetch;
  server.close();
});
