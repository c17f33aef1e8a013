import type { ProviderName } from '@rill/core';
import { http, type HttpHandler } from 'msw';
import { createMockProvider, type MockProvider, type MockProviderOptions } from '../provider/mock-provider.js';
import { providerPaths } from '../provider/routes.js';

export interface MockHandlerOptions {
  /**
   * Origin (and path prefix) the handlers answer under; default any origin, real providers' included.
   * A path that ends in a provider's path matches whatever comes between: with `location.origin`,
   * `/v1/messages`, `/api/anthropic/v1/messages` and `/api/relay/v1/messages` are all Anthropic's.
   */
  baseUrl?: string;
  /** Only these providers get handlers; default all four. */
  providers?: ProviderName[];
}

// Each provider's path as a pattern over the end of a URL (Gemini's model and action are one segment).
const pathPatterns: Record<ProviderName, string> = {
  anthropic: escape(providerPaths.anthropic),
  'openai-chat': escape(providerPaths['openai-chat']),
  'openai-responses': escape(providerPaths['openai-responses']),
  gemini: '/v1beta/models/[^/]+',
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * MSW request handlers serving the mock provider at each provider's streaming path, under any
 * prefix (as the Node server does), for `setupWorker` (browser) and `setupServer` (Node). Pass a
 * {@link MockProvider} to share fault counting or call `reset()`.
 *
 * @example
 * const server = setupServer(...createMockHandlers({ scenario: 'tool-call', timing: { ttftMs: 0, tokenDelayMs: 0 } }));
 * const worker = setupWorker(...createMockHandlers({}, { baseUrl: location.origin })); // serves /api/anthropic/v1/messages too
 */
export function createMockHandlers(
  mock: MockProvider | MockProviderOptions = {},
  options: MockHandlerOptions = {},
): HttpHandler[] {
  const provider = 'handle' in mock ? mock : createMockProvider(mock);
  // MSW matches a RegExp against the URL without its query and hash.
  const base = options.baseUrl === undefined ? '[a-z][a-z0-9+.-]*://[^/]+' : escape(options.baseUrl.replace(/\/$/, ''));
  const providers = options.providers ?? (Object.keys(providerPaths) as ProviderName[]);
  return providers.map((name) =>
    http.post(new RegExp(`^${base}(?:/.*)?${pathPatterns[name]}$`), ({ request }) => provider.handle(request)),
  );
}
