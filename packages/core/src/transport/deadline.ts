import { RillError, abortedError } from '../errors.js';

// setTimeout fires at once for longer delays (a 32-bit signed count of ms).
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * The delay of a time limit option: `undefined` (no limit) for 0, Infinity, a negative or NaN;
 * at most setTimeout's longest delay (24.8 days).
 *
 * @example
 * timerMs(0); // undefined
 * timerMs(60_000); // 60000
 */
export function timerMs(ms: number | undefined): number | undefined {
  return ms !== undefined && ms > 0 && Number.isFinite(ms) ? Math.min(ms, LONGEST_TIMER_MS) : undefined;
}

/** One signal for everything that ends a stream for good; its reason is the RillError to throw. */
export interface Halt {
  signal: AbortSignal;
  /** Clears the deadline timer and stops listening to the caller's signal. */
  dispose(): void;
}

/**
 * The caller's abort (`aborted`) and the overall deadline (`deadline`) as one signal, so every
 * wait and read stops on either with the right error.
 *
 * @example
 * const halt = haltOn(signal, 30_000);
 * try { await sleep(1000, halt.signal); } finally { halt.dispose(); }
 */
export function haltOn(signal: AbortSignal | null | undefined, deadlineMs: number | undefined): Halt {
  const controller = new AbortController();
  const onAbort = () => controller.abort(abortedError('request', signal?.reason));
  const ms = timerMs(deadlineMs);
  const timer =
    ms === undefined
      ? undefined
      : setTimeout(
          () =>
            controller.abort(
              new RillError({
                kind: 'deadline',
                message: `The stream did not finish within deadlineMs (${ms} ms)`,
                retryable: true,
              }),
            ),
          ms,
        );
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}
