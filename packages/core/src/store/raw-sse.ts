import { errorValueOf } from '../errors.js';
import type { StreamPart } from '../message/types.js';
import type { SSEEvent } from '../sse/sse-decoder.js';

/**
 * Reads a plain SSE stream (not a provider's format) as text: each event's data is appended to one
 * text part. A `[DONE]` event or the end of the body completes the message; a transport error ends
 * it with that error, keeping the text.
 *
 * @example
 * const message = await accumulate(decodeRawSSE(streamSSE('/api/story')));
 */
export async function* decodeRawSSE(events: AsyncIterable<SSEEvent>): AsyncGenerator<StreamPart, void, undefined> {
  try {
    for await (const event of events) {
      if (event.data === '[DONE]') break;
      yield { type: 'text-delta', id: 'sse', delta: event.data };
    }
  } catch (err) {
    yield { type: 'error', error: errorValueOf(err, 'reading') };
    return;
  }
  yield { type: 'done' };
}
