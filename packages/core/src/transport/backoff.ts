/**
 * Exponential backoff with full jitter: a random wait in `[0, min(maxMs, baseMs * 2^retry))`,
 * so clients that failed together do not come back together.
 *
 * @example
 * backoffDelay(0, 500, 8000); // somewhere in [0, 500)
 * backoffDelay(5, 500, 8000); // somewhere in [0, 8000)
 */
export function backoffDelay(retry: number, baseMs: number, maxMs: number): number {
  return Math.floor(Math.random() * Math.min(maxMs, baseMs * 2 ** retry));
}

/**
 * Whether an HTTP status is worth another try: timeouts, conflicts, too-early, rate limits and
 * server errors; every other 4xx would fail the same way again.
 *
 * @example
 * isRetryableStatus(429); // true
 * isRetryableStatus(400); // false
 */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 409 || status === 425 || status === 429;
}
