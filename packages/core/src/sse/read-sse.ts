import { RillError, abortedError } from '../errors.js';
import { createSSEDecoder, type SSEDecoderOptions, type SSEEvent } from './sse-decoder.js';

/** The decoder's caps (`maxLineLength`, `maxEventLength`: a line or event past one ends the iteration with a `too-large` RillError), plus a signal. */
export interface ReadSSEOptions extends SSEDecoderOptions {
  /** Aborting cancels the body and makes the iteration reject with a RillError of kind `aborted`. */
  signal?: AbortSignal | undefined;
  /** The server's `retry:` field (ms), as it is read. */
  onRetry?: ((ms: number) => void) | undefined;
  /** Called with `true` before each read of the body and `false` when a chunk arrived: `streamSSE` runs its idle timer only while waiting. */
  onWait?: ((waiting: boolean) => void) | undefined;
}

/**
 * Iterates the events of a `Response` (its body) or a byte stream. No retries or status checks:
 * that is `streamSSE`'s job. Stopping early (`break`, `return`) cancels the body, and so does a
 * line or event longer than its cap, after the events before it were yielded.
 *
 * @example
 * for await (const e of readSSE(await fetch('/chat'), { signal })) console.log(e.event, e.data);
 */
export async function* readSSE(
  source: Response | ReadableStream<Uint8Array>,
  opts: ReadSSEOptions = {},
): AsyncGenerator<SSEEvent, void, undefined> {
  const { signal } = opts;
  for await (const events of readSSEChunks(source, opts)) {
    for (const event of events) {
      yield event;
      if (signal?.aborted) throw abortedError('reading', signal.reason); // aborted while the consumer held an earlier event of this chunk
    }
  }
}

/**
 * The one body reader under `readSSE` and `streamSSE`: the events of each chunk as one array (one
 * async step per chunk, not per event), the events before an over-long line or event first.
 *
 * @example for await (const events of readSSEChunks(response, { signal })) events.forEach(use);
 */
export async function* readSSEChunks(
  source: Response | ReadableStream<Uint8Array>,
  opts: ReadSSEOptions = {},
): AsyncGenerator<SSEEvent[], void, undefined> {
  const { signal, onRetry, onWait } = opts;
  if (signal?.aborted) throw abortedError('reading', signal.reason);
  const body = 'getReader' in source ? source : source.body;
  if (!body) return;
  const reader = body.getReader();
  const queue: SSEEvent[] = [];
  const decoder = createSSEDecoder(
    { onEvent: (event) => queue.push(event), ...(onRetry !== undefined && { onRetry }) },
    opts,
  );
  // Cancelling settles a pending read(), so an abort is noticed even while the server is silent.
  const onAbort = (): void => void reader.cancel(signal?.reason).catch(() => undefined);
  signal?.addEventListener('abort', onAbort);
  let finished = false;
  try {
    while (!finished) {
      onWait?.(true);
      const chunk = await reader.read().catch((cause: unknown) => {
        if (signal?.aborted) throw abortedError('reading', signal.reason);
        throw new RillError(
          {
            kind: 'network',
            message: `Reading the event stream failed: ${cause instanceof Error ? cause.message : String(cause)}`,
            retryable: true,
          },
          { cause },
        );
      });
      onWait?.(false);
      if (signal?.aborted) throw abortedError('reading', signal.reason);
      finished = chunk.done;
      let failure: unknown;
      if (chunk.done) decoder.end();
      else {
        try {
          decoder.push(chunk.value);
        } catch (error) {
          failure = error; // a line or event over its cap: the events of this chunk before it are yielded first
        }
      }
      if (queue.length > 0) yield queue.splice(0);
      if (failure) throw failure;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    // Not awaited: a body whose source never settles its cancel (MSW's) must not hold the caller's return().
    if (!finished) void reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
