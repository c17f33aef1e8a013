import { providerRequestPath, type ProviderName } from '@rill/core';

/** Where the MSW worker serves the mock provider: the demo's own origin, as a relay would be. */
export const API_BASE = '/api';

/** The providers the demo can talk to, each with a model name in its own style. */
export const providers: readonly { name: ProviderName; label: string; model: string }[] = [
  { name: 'anthropic', label: 'Anthropic Messages', model: 'claude-sonnet-4-6' },
  { name: 'openai-chat', label: 'OpenAI Chat Completions', model: 'gpt-5-mini' },
  { name: 'openai-responses', label: 'OpenAI Responses', model: 'gpt-5-mini' },
  { name: 'gemini', label: 'Gemini', model: 'gemini-2.5-flash' },
];

/**
 * The streaming URL of a provider on the demo's mock, e.g. `/api/v1/messages`.
 *
 * @example endpointFor('gemini', 'gemini-2.5-flash'); // '/api/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse'
 */
export function endpointFor(provider: ProviderName, model: string): string {
  return `${API_BASE}${providerRequestPath(provider, model)}`;
}
