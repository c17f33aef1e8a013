// What a README block's hidden prelude and run comment reach as `docs.…`, and the mock they run against.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { expect } from 'vitest';
import type { MockProviderOptions } from '../../packages/mock/src/index.js';
import { createMockHandlers } from '../../packages/mock/src/msw/index.js';

export { expect, render, screen, waitFor, within };

/** Clicks and typing as a user does them. */
export const user = userEvent.setup();

const instant = { ttftMs: 0, tokenDelayMs: 0, jitterMs: 0 };
const server = setupServer();

/** The mock provider answering every provider path, on any origin and under any prefix (`/api/anthropic/v1/messages`). */
export const mock = {
  /** Serves these options (a scenario, a fault…) from now until the block ends; by default the mock echoes the request. */
  serve(options: MockProviderOptions = {}): void {
    server.resetHandlers(...createMockHandlers({ timing: instant, ...options }));
  },
};

/**
 * Starts the mock (a request it does not serve fails the block) and lets relative URLs resolve
 * against the page, as `fetch` does in a browser; returns what ends a block and what stops it all.
 *
 * @example const harness = startHarness(); afterEach(harness.reset); afterAll(harness.stop);
 */
export function startHarness(): { reset(): void; stop(): void } {
  server.listen({ onUnhandledRequest: 'error' });
  mock.serve();
  const patched = globalThis.fetch;
  globalThis.fetch = (input, init) =>
    patched(
      typeof input === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(input) ? new URL(input, location.href).href : input,
      init,
    );
  return {
    reset() {
      cleanup();
      mock.serve();
    },
    stop() {
      globalThis.fetch = patched;
      server.close();
    },
  };
}
