import type { RillErrorValue } from '../errors.js';
import type { StreamPart } from '../message/types.js';
import type { SSEEvent } from '../sse/index.js';

/**
 * One provider's wire format as a small state machine: each SSE event in, the parts it carries out.
 * An `error` or `done` part is always the last part of a stream.
 */
export interface ProviderDecoder {
  /** Decodes one event; only the new event is looked at, never what came before. */
  decode(event: SSEEvent): StreamPart[];
  /**
   * The last part when events stop: `done` when the provider's terminator was seen (Gemini's
   * terminator is a field, so its stream may go on after it), else `failure` or `interrupted`.
   */
  end(failure?: RillErrorValue): StreamPart;
}

/**
 * The final part for a stream that stopped before the provider's terminator.
 *
 * @example
 * unterminated('message_stop'); // { type: 'error', error: { kind: 'interrupted', … } }
 */
export function unterminated(terminator: string, failure?: RillErrorValue): StreamPart {
  return {
    type: 'error',
    error: failure ?? {
      kind: 'interrupted',
      message: `The stream ended before the provider's terminator (${terminator}).`,
      retryable: true,
    },
  };
}
