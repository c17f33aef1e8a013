import type { StreamStep } from '../timing/stream-plan.js';

const DRAIN_BEFORE_DROP_MS = 15;

/**
 * The error a dropped connection surfaces as, on the client's reader.
 *
 * @example await reader.read().catch((e) => e instanceof DroppedConnectionError); // true after a `drop` fault
 */
export class DroppedConnectionError extends Error {
  constructor() {
    super('rill-mock: the connection was dropped on purpose (drop fault)');
    this.name = 'DroppedConnectionError';
  }
}

/**
 * Plays timed steps as a byte stream on real timers. It is pull-driven, so a `drop` step errors the
 * stream only once the client has read everything before it (MSW passes the error on; the Node server
 * destroys the socket). Timers stop when the client cancels or `signal` aborts.
 *
 * @example new Response(playSteps(planStream(events, options), request.signal), { headers: { 'content-type': 'text/event-stream' } });
 */
export function playSteps(steps: readonly StreamStep[], signal?: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let index = 0;
  let clock = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;
  const stop = (): void => {
    clearTimeout(timer);
    timer = undefined;
    // A pending wait resolves so pull() can return; the stream is cancelled or its request gone.
    wake?.();
  };
  signal?.addEventListener('abort', stop, { once: true });
  const waitUntil = (atMs: number): Promise<void> =>
    new Promise((resolve) => {
      wake = resolve;
      timer = setTimeout(() => {
        clock = atMs;
        resolve();
      }, atMs - clock);
    });

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = steps[index];
      if (next === undefined) {
        signal?.removeEventListener('abort', stop);
        controller.close();
        return;
      }
      if (next.atMs > clock) await waitUntil(next.atMs);
      if (signal?.aborted) return;
      // Pulled with an empty queue: the client has read everything before the drop.
      if ('drop' in next) {
        // A pipe in between (MSW's interceptor) may still hold what we sent, and erroring discards it;
        // a real socket delivers sent bytes before the reset, so give the pipe a moment to drain.
        await waitUntil(clock + DRAIN_BEFORE_DROP_MS);
        if (!signal?.aborted) controller.error(new DroppedConnectionError());
        return;
      }
      // Everything due now goes out as one chunk, as a server's (or a buffering proxy's) flush does; a drop waits for the next pull.
      let due = '';
      for (let step = steps[index]; step !== undefined && 'text' in step && step.atMs <= clock; step = steps[index]) {
        due += step.text;
        index += 1;
      }
      controller.enqueue(encoder.encode(due));
    },
    cancel: stop,
  });
}
