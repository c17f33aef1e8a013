import { providerRequestPath, type ProviderName } from '@rill/core';

/** Where the demo's providers live on its own origin, each under its own prefix (a relay per provider). */
export const API_BASE = '/api';

/** The providers the demo can talk to, each with a model name in its own style. */
export const providers: readonly { name: ProviderName; label: string; model: string }[] = [
  { name: 'anthropic', label: 'Anthropic Messages', model: 'claude-sonnet-4-6' },
  { name: 'openai-chat', label: 'OpenAI Chat Completions', model: 'gpt-5-mini' },
  { name: 'openai-responses', label: 'OpenAI Responses', model: 'gpt-5-mini' },
  { name: 'gemini', label: 'Gemini', model: 'gemini-2.5-flash' },
];

/**
 * The path a provider is served under on the demo's origin (its relay's mount point).
 *
 * @example providerBase('openai-chat'); // '/api/openai-chat'
 */
export function providerBase(provider: ProviderName): string {
  return `${API_BASE}/${provider}`;
}

/**
 * The streaming URL of a provider on the demo's origin, e.g. `/api/anthropic/v1/messages`.
 *
 * @example endpointFor('gemini', 'gemini-2.5-flash'); // '/api/gemini/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse'
 */
export function endpointFor(provider: ProviderName, model: string): string {
  return `${providerBase(provider)}${providerRequestPath(provider, model)}`;
}
