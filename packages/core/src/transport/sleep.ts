import { abortedError, isRillError } from '../errors.js';

/**
 * Waits `ms`, or rejects the moment `signal` aborts (leaving no timer behind): with its reason when
 * that is a RillError (a deadline), else with an `aborted` RillError.
 *
 * @example
 * await sleep(1000, controller.signal);
 */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(isRillError(signal?.reason) ? signal.reason : abortedError('request', signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}
