import { toErrorValue } from '../message/error-value.js';
import type { ProviderName, StreamPart } from '../message/types.js';
import type { SSEEvent } from '../sse/index.js';
import { createAnthropicDecoder } from './anthropic.js';
import type { ProviderDecoder } from './decoder.js';
import { createGeminiDecoder } from './gemini.js';
import { createOpenAIChatDecoder } from './openai-chat.js';
import { createOpenAIResponsesDecoder } from './openai-responses.js';

const decoders: Record<ProviderName, () => ProviderDecoder> = {
  anthropic: createAnthropicDecoder,
  'openai-chat': createOpenAIChatDecoder,
  'openai-responses': createOpenAIResponsesDecoder,
  gemini: createGeminiDecoder,
};

/**
 * Turns a provider's SSE events into provider-neutral {@link StreamPart}s. It never throws: the
 * last part is always `done` or `error` (an exception from `events`, a provider error, a
 * malformed payload, or `interrupted` when events end before the provider's terminator).
 *
 * @example
 * const message = await accumulate(decodeProvider('anthropic', streamSSE(url, init)));
 */
export async function* decodeProvider(provider: ProviderName, events: AsyncIterable<SSEEvent>): AsyncIterable<StreamPart> {
  const decoder = decoders[provider]();
  try {
    for await (const event of events) {
      for (const part of decoder.decode(event)) {
        yield part;
        // Leaving the loop returns the events iterator, which cancels the body.
        if (part.type === 'done' || part.type === 'error') return;
      }
    }
  } catch (err) {
    yield decoder.end(toErrorValue(err));
    return;
  }
  yield decoder.end();
}
