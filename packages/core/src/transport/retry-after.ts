/**
 * The wait a `Retry-After` header asks for, in ms: delay-seconds or an HTTP date; `undefined`
 * when absent or unreadable.
 *
 * @example
 * parseRetryAfter('3'); // 3000
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:58 GMT')); // 2000
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  const text = value?.trim() ?? '';
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only text with letters is a date: Date.parse reads bare numbers like "1.5" as calendar dates.
  const at = /[a-z]/i.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The wait a Google API error body asks for in ms: the `retryDelay` (decimal seconds and `s`) of a
 * `google.rpc.RetryInfo` entry in `error.details`, which Gemini sends instead of a Retry-After
 * header; `undefined` when the body is not such JSON.
 *
 * @example
 * parseRetryInfo('{"error":{"details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"45.8s"}]}}'); // 45800
 */
export function parseRetryInfo(body: string): number | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const details: unknown = field(field(parsed, 'error'), 'details');
  if (!Array.isArray(details)) return undefined;
  for (const detail of details) {
    const delay = field(detail, 'retryDelay');
    const seconds = typeof delay === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(delay)?.[1] : undefined;
    if (seconds !== undefined) return Math.round(Number(seconds) * 1000);
  }
  return undefined;
}

/** A property of a JSON value, or `undefined` when it is no object. */
function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
