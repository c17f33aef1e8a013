import type { ProviderName } from '@rill/core';
import { http, type HttpHandler } from 'msw';
import { createMockProvider, type MockProvider, type MockProviderOptions } from '../provider/mock-provider.js';
import { providerPaths } from '../provider/routes.js';

export interface MockHandlerOptions {
  /** Origin (and path prefix) the handlers answer on; default `*` matches any origin, real providers' included. */
  baseUrl?: string;
  /** Only these providers get handlers; default all four. */
  providers?: ProviderName[];
}

/**
 * MSW request handlers serving the mock provider at each provider's streaming path, for `setupWorker`
 * (browser) and `setupServer` (Node). Pass a {@link MockProvider} to share fault counting or call `reset()`.
 *
 * @example
 * const server = setupServer(...createMockHandlers({ scenario: 'tool-call', timing: { ttftMs: 0, tokenDelayMs: 0 } }));
 * const worker = setupWorker(...createMockHandlers({}, { baseUrl: 'https://api.anthropic.com' }));
 */
export function createMockHandlers(mock: MockProvider | MockProviderOptions = {}, options: MockHandlerOptions = {}): HttpHandler[] {
  const provider = 'handle' in mock ? mock : createMockProvider(mock);
  const baseUrl = (options.baseUrl ?? '*').replace(/\/$/, '');
  const providers = options.providers ?? (Object.keys(providerPaths) as ProviderName[]);
  return providers.map((name) => http.post(`${baseUrl}${providerPaths[name]}`, ({ request }) => provider.handle(request)));
}
