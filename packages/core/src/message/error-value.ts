import { isRillError, type RillErrorValue } from '../errors.js';

/**
 * An exception caught while reading a stream, as an error value: Rill's own errors keep their kind,
 * an `AbortError` is `aborted`, and anything else thrown mid-body is the connection breaking.
 *
 * @example
 * try { for await (const e of events) use(e); } catch (err) { fail(toErrorValue(err)); }
 */
export function toErrorValue(err: unknown): RillErrorValue {
  if (isRillError(err)) return err.toValue();
  if (err instanceof Error && err.name === 'AbortError') return { kind: 'aborted', message: 'The stream was aborted.', retryable: false };
  return { kind: 'interrupted', message: err instanceof Error ? err.message : String(err), retryable: true };
}

/**
 * The message status an error gives: `aborted`, `interrupted` (also for a stall, and for a network
 * failure or a passed deadline once the stream had started: the body ended without the provider's
 * terminator), else `error`.
 *
 * @example statusOfError({ kind: 'stall', message: 'idle', retryable: true }, true); // 'interrupted'
 */
export function statusOfError(error: RillErrorValue, started: boolean): 'aborted' | 'interrupted' | 'error' {
  if (error.kind === 'aborted') return 'aborted';
  if (error.kind === 'network' || error.kind === 'deadline') return started ? 'interrupted' : 'error';
  return error.kind === 'interrupted' || error.kind === 'stall' ? 'interrupted' : 'error';
}
