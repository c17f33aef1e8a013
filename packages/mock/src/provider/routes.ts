import type { ProviderName } from '@rill/core';

/** The provider a request path belongs to, and the model when the path names it (Gemini). */
export interface MockRoute {
  provider: ProviderName;
  model?: string;
}

/** Each provider's real streaming path, as MSW path patterns (relative to a base URL). */
export const providerPaths: Record<ProviderName, string> = {
  anthropic: '/v1/messages',
  'openai-chat': '/v1/chat/completions',
  'openai-responses': '/v1/responses',
  gemini: '/v1beta/models/:modelAction',
};

const GEMINI_PATH = /\/v1beta\/models\/([^/:]+):streamGenerateContent$/;

/**
 * Finds the provider for a URL path; a prefix before the provider's path is allowed (`/api/v1/messages`).
 *
 * @example matchRoute('/v1beta/models/gemini-2.5-flash:streamGenerateContent'); // { provider: 'gemini', model: 'gemini-2.5-flash' }
 */
export function matchRoute(pathname: string): MockRoute | undefined {
  const gemini = GEMINI_PATH.exec(pathname);
  if (gemini?.[1] !== undefined) return { provider: 'gemini', model: decodeURIComponent(gemini[1]) };
  if (pathname.endsWith('/v1/messages')) return { provider: 'anthropic' };
  if (pathname.endsWith('/v1/chat/completions')) return { provider: 'openai-chat' };
  if (pathname.endsWith('/v1/responses')) return { provider: 'openai-responses' };
  return undefined;
}
