import { errorValueOf } from '../errors.js';
import type { ProviderName, StreamPart } from '../message/types.js';
import type { SSEEvent } from '../sse/index.js';
import type { ProviderDecoder } from './decoder.js';

// Each decoder is imported when a stream first needs it: an app ships only the decoders it names.
const loaders: Record<ProviderName, () => Promise<() => ProviderDecoder>> = {
  anthropic: async () => (await import('./anthropic.js')).createAnthropicDecoder,
  'openai-chat': async () => (await import('./openai-chat.js')).createOpenAIChatDecoder,
  'openai-responses': async () => (await import('./openai-responses.js')).createOpenAIResponsesDecoder,
  gemini: async () => (await import('./gemini.js')).createGeminiDecoder,
};

/**
 * Turns a provider's SSE events into provider-neutral {@link StreamPart}s. It never throws: the
 * last part is always `done` or `error` (an exception from `events`, a provider error, a
 * malformed payload, or `interrupted` when events end before the provider's terminator).
 *
 * @example
 * const message = await accumulate(decodeProvider('anthropic', streamSSE(url, init)));
 */
export async function* decodeProvider(
  provider: ProviderName,
  events: AsyncIterable<SSEEvent>,
): AsyncIterable<StreamPart> {
  const iterator = events[Symbol.asyncIterator]();
  let decoder: ProviderDecoder | undefined;
  let drained = false;
  try {
    // The request goes out while the decoder's module loads, so a first stream waits for the slower of the two, not both.
    const [loaded, first] = await Promise.allSettled([loaders[provider](), iterator.next()]);
    if (loaded.status === 'rejected') throw loaded.reason;
    decoder = loaded.value();
    if (first.status === 'rejected') throw first.reason;
    for (let step = first.value; step.done !== true; step = await iterator.next()) {
      for (const part of decoder.decode(step.value)) {
        yield part;
        if (part.type === 'done' || part.type === 'error') return;
      }
    }
    drained = true;
  } catch (err) {
    // Without a decoder (its module did not load) the failure is the whole story.
    yield decoder === undefined
      ? { type: 'error', error: errorValueOf(err, 'reading') }
      : decoder.end(errorValueOf(err, 'reading'));
    return;
  } finally {
    // Leaving early (a terminator, a fault, or the reader stopping) returns the events iterator, which cancels the body.
    if (!drained) await iterator.return?.();
  }
  yield decoder.end();
}
