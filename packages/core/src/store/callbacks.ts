import type { RillErrorValue } from '../errors.js';

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
 * The one end-of-stream policy every store and the chat controller report with: `onError` when the
 * final state carries an error, never on a stop (`aborted`), then `onFinish`, each guarded by
 * {@link callSafely} so a throwing callback never breaks the caller (React's commit gate only delays these calls).
 *
 * @example reportEnd(final, options);
 */
export function reportEnd<S extends { status: string; error?: RillErrorValue | undefined }>(
  final: S,
  callbacks: { onError?(error: RillErrorValue): void; onFinish?(state: S): void },
): void {
  const { error } = final;
  if (error !== undefined && final.status !== 'aborted') callSafely(() => callbacks.onError?.(error));
  callSafely(() => callbacks.onFinish?.(final));
}
