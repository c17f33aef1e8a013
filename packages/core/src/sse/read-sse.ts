import { RillError } from '../errors.js';
import { createSSEDecoder, type SSEEvent } from './sse-decoder.js';

export interface ReadSSEOptions {
  /** Aborting cancels the body and makes the iteration reject with a RillError of kind `aborted`. */
  signal?: AbortSignal;
}

const aborted = (signal: AbortSignal): RillError =>
  new RillError({ kind: 'aborted', message: 'Reading the event stream was aborted', retryable: false }, { cause: signal.reason });

/**
 * Iterates the events of a `Response` (its body) or a byte stream. No retries or status checks:
 * that is `streamSSE`'s job. Stopping early (`break`, `return`) cancels the body.
 *
 * @example
 * for await (const e of readSSE(await fetch('/chat'), { signal })) console.log(e.event, e.data);
 */
export async function* readSSE(source: Response | ReadableStream<Uint8Array>, opts: ReadSSEOptions = {}): AsyncGenerator<SSEEvent, void, undefined> {
  const { signal } = opts;
  if (signal?.aborted) throw aborted(signal);
  const body = 'getReader' in source ? source : source.body;
  if (!body) return;
  const reader = body.getReader();
  const queue: SSEEvent[] = [];
  const decoder = createSSEDecoder({ onEvent: (event) => queue.push(event) });
  // Cancelling settles a pending read(), so an abort is noticed even while the server is silent.
  const onAbort = (): void => void reader.cancel(signal?.reason).catch(() => undefined);
  signal?.addEventListener('abort', onAbort);
  let finished = false;
  try {
    while (!finished) {
      const chunk = await reader.read().catch((cause: unknown) => {
        if (signal?.aborted) throw aborted(signal);
        throw new RillError({ kind: 'network', message: `Reading the event stream failed: ${cause instanceof Error ? cause.message : String(cause)}`, retryable: true }, { cause });
      });
      if (signal?.aborted) throw aborted(signal);
      finished = chunk.done;
      if (chunk.done) decoder.end();
      else decoder.push(chunk.value);
      for (const event of queue.splice(0)) {
        yield event;
        if (signal?.aborted) throw aborted(signal); // aborted while the consumer held an earlier event of this chunk
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
