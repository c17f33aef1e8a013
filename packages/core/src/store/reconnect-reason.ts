import type { RillErrorValue } from '../errors.js';

/**
 * Why a stream waits to reconnect: `rate-limit` (429, the wait is the server's Retry-After),
 * `server` (408/409/425/5xx before the answer started), `network` (the request failed before a
 * response), `stall` (no byte for `idleTimeoutMs` before the answer started), or `resume` (the
 * answer had started and the transport re-attaches with `Last-Event-ID`).
 */
export type ReconnectReason = 'rate-limit' | 'server' | 'network' | 'stall' | 'resume';

/**
 * The reason for a reconnect, from the error the transport reports and whether the answer had
 * started. A 429 is a rate limit even on a resume: its wait is what the user should see.
 *
 * @example reconnectReason({ kind: 'http', status: 429, message: 'Too many requests', retryable: true }, false); // 'rate-limit'
 */
export function reconnectReason(error: RillErrorValue, started: boolean): ReconnectReason {
  if (error.status === 429) return 'rate-limit';
  if (started) return 'resume';
  if (error.kind === 'http') return 'server';
  if (error.kind === 'stall') return 'stall';
  return 'network';
}
