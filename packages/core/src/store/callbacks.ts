import type { RillErrorValue } from '../errors.js';
import type { StreamStatus } from './stream-state.js';

/**
 * Runs a user callback; a throw surfaces as an uncaught error on a later microtask instead of
 * breaking the store that called it.
 *
 * @example callSafely(() => options.onPart?.(part));
 */
export function callSafely(callback: () => void): void {
  try {
    callback();
  } catch (err) {
    queueMicrotask(() => {
      throw err;
    });
  }
}

/**
 * A store's end callbacks for its final state: `onError` when it carries an error (not on a
 * stop), then `onFinish`, each guarded by {@link callSafely}.
 *
 * @example reportEnd(final, options);
 */
export function reportEnd<S extends { status: StreamStatus; error?: RillErrorValue }>(final: S, callbacks: { onError?(error: RillErrorValue): void; onFinish?(state: S): void }): void {
  const { error } = final;
  if (error !== undefined && final.status !== 'aborted') callSafely(() => callbacks.onError?.(error));
  callSafely(() => callbacks.onFinish?.(final));
}
