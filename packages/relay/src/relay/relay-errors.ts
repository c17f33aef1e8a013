import type { RillErrorKind, RillErrorValue } from '@rill/core';

/**
 * A JSON error response whose body is `{ error: RillErrorValue }`, so the client reads the same
 * shape it keeps on a `Message`.
 *
 * @example return errorResponse(413, 'invalid-request', 'The request body is over 1048576 bytes');
 */
export function errorResponse(
  status: number,
  kind: RillErrorKind,
  message: string,
  headers: Record<string, string> = {},
): Response {
  const error: RillErrorValue = { kind, message, status, retryable: status === 408 || status === 429 || status >= 500 };
  return Response.json({ error }, { status, headers: { 'cache-control': 'no-store', ...headers } });
}
