import { abortedError } from '../errors.js';
import type { StreamPart } from '../message/types.js';

/**
 * The final part of a stream the caller aborted.
 *
 * @example if (signal.aborted) yield abortedPart(); // { type: 'error', error: { kind: 'aborted', … } }
 */
export function abortedPart(): StreamPart {
  return { type: 'error', error: abortedError().toValue() };
}

/**
 * Ends an iterator we stop reading, so its `finally` blocks run; its own failure to close is not ours to report.
 *
 * @example closeQuietly(loser); // the losing candidate's request is aborted by its own cleanup
 */
export function closeQuietly(iterator: AsyncIterator<StreamPart> | undefined): void {
  iterator?.return?.().catch(() => undefined);
}
