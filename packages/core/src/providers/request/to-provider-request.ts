import type { ProviderName } from '../../message/types.js';
import { toAnthropicRequest } from './anthropic-request.js';
import type { Conversation, RequestBody } from './conversation.js';
import { toGeminiRequest } from './gemini-request.js';
import { toOpenAIChatRequest } from './openai-chat-request.js';
import { toOpenAIResponsesRequest } from './openai-responses-request.js';

const builders: Record<ProviderName, (conversation: Conversation) => RequestBody> = {
  anthropic: toAnthropicRequest,
  'openai-chat': toOpenAIChatRequest,
  'openai-responses': toOpenAIResponsesRequest,
  gemini: toGeminiRequest,
};

/**
 * The provider's streaming request body for a provider-neutral conversation (assistant turns may be
 * decoded `Message`s: their tool calls and signed reasoning go back as the provider expects).
 *
 * @example
 * const body = toProviderRequest('anthropic', { model: 'claude-sonnet-4-6', messages: [{ role: 'user', content: 'Hi' }] });
 */
export function toProviderRequest(provider: ProviderName, conversation: Conversation): RequestBody {
  return builders[provider](conversation);
}

/**
 * The path of the provider's streaming endpoint, to append to its base URL (or a relay's).
 *
 * @example providerRequestPath('gemini', 'gemini-2.5-flash'); // '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse'
 */
export function providerRequestPath(provider: ProviderName, model: string): string {
  switch (provider) {
    case 'anthropic':
      return '/v1/messages';
    case 'openai-chat':
      return '/v1/chat/completions';
    case 'openai-responses':
      return '/v1/responses';
    case 'gemini':
      return `/v1beta/models/${encodeURIComponent(model)}:streamGenerateContent?alt=sse`;
  }
}
