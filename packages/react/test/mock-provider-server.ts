import type { MockProviderOptions } from '@rill/mock';
import { createMockHandlers } from '@rill/mock/msw';
import { cleanup } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** What {@link mockProviderServer} gives a test file. */
export interface MockProviderServer {
  /** Answers every provider path with the mock provider; timing is instant unless `options.timing` says otherwise. */
  serve(options: MockProviderOptions): void;
}

/**
 * Serves @rill/mock over MSW for the calling test file: listening before its tests (an unhandled
 * request fails the test), rendered trees unmounted and handlers reset after each, closed at the end.
 *
 * @example
 * const mock = mockProviderServer();
 * it('streams', async () => { mock.serve({ scenario: 'text' }); … });
 */
export function mockProviderServer(): MockProviderServer {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    cleanup();
    server.resetHandlers();
  });
  afterAll(() => server.close());
  return {
    serve: (options) => server.use(...createMockHandlers({ timing: { ttftMs: 0, tokenDelayMs: 0 }, ...options })),
  };
}
