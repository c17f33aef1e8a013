import { isRillError, type RillErrorValue } from '../errors.js';
import type { StreamPart } from '../message/types.js';

/**
 * A candidate's throw as an error value: Rill's own errors keep their kind, anything else (fetch's TypeError) is `network`.
 *
 * @example errorValueOf(new TypeError('Failed to fetch')); // { kind: 'network', message: 'Failed to fetch', retryable: true }
 */
export function errorValueOf(error: unknown): RillErrorValue {
  if (isRillError(error)) return error.toValue();
  return { kind: 'network', message: error instanceof Error ? error.message : String(error), retryable: true };
}

/**
 * The final part of a stream the caller aborted.
 *
 * @example if (signal.aborted) yield abortedPart(); // { type: 'error', error: { kind: 'aborted', … } }
 */
export function abortedPart(): StreamPart {
  return { type: 'error', error: { kind: 'aborted', message: 'The stream was aborted.', retryable: false } };
}

/**
 * Ends an iterator we stop reading, so its `finally` blocks run; its own failure to close is not ours to report.
 *
 * @example closeQuietly(loser); // the losing candidate's request is aborted by its own cleanup
 */
export function closeQuietly(iterator: AsyncIterator<StreamPart> | undefined): void {
  iterator?.return?.().catch(() => undefined);
}
