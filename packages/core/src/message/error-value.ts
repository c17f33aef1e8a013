import type { RillErrorValue } from '../errors.js';

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
