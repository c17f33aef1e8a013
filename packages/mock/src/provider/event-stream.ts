import type { StreamStep } from '../timing/stream-plan.js';

/** The error a dropped connection surfaces as, on the client's reader. */
export class DroppedConnectionError extends Error {
  constructor() {
    super('rill-mock: the connection was dropped on purpose (drop fault)');
    this.name = 'DroppedConnectionError';
  }
}

/**
 * Plays timed steps as a byte stream on real timers. A `drop` step errors the stream (MSW passes the
 * error to the client; the Node server destroys the socket). Timers stop when the client cancels or `signal` aborts.
 *
 * @example new Response(playSteps(planStream(events, options), request.signal), { headers: { 'content-type': 'text/event-stream' } });
 */
export function playSteps(steps: readonly StreamStep[], signal?: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const stop = (): void => {
    stopped = true;
    clearTimeout(timer);
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      signal?.addEventListener('abort', stop, { once: true });
      let index = 0;
      let clock = 0;
      const run = (): void => {
        // Everything due now goes out at once, each step as its own chunk.
        while (!stopped && index < steps.length && (steps[index]?.atMs ?? 0) <= clock) {
          const step = steps[index++];
          if (step === undefined) break;
          if ('drop' in step) {
            stop();
            controller.error(new DroppedConnectionError());
            return;
          }
          controller.enqueue(encoder.encode(step.text));
        }
        if (stopped) return;
        const next = steps[index];
        if (next === undefined) {
          signal?.removeEventListener('abort', stop);
          controller.close();
          return;
        }
        timer = setTimeout(() => {
          clock = next.atMs;
          run();
        }, next.atMs - clock);
      };
      run();
    },
    cancel: stop,
  });
}
