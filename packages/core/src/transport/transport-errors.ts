import { RillError } from '../errors.js';
import { isRetryableStatus } from './backoff.js';
import { parseRetryInfo } from './retry-after.js';

const QUOTE_CHARS = 200;
// Gemini puts RetryInfo after its QuotaFailure and Help details, well past the quote.
const ERROR_BODY_BYTES = 16_384;
// An error body trickled a byte at a time must not hold the request for hours.
const BODY_READ_MS = 5_000;

/**
 * A retryable `network` error for a failed fetch or a connection lost mid-body.
 *
 * @example
 * fetch(url).catch((cause) => { throw networkError('fetch failed', cause); });
 */
export function networkError(what: string, cause: unknown): RillError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new RillError({ kind: 'network', message: `${what}: ${detail}`, retryable: true }, { cause });
}

/**
 * The retryable `stall` error for a connection silent for `ms`.
 *
 * @example
 * setTimeout(() => stop(stallError(60_000)), 60_000);
 */
export function stallError(ms: number): RillError {
  return new RillError({ kind: 'stall', message: `No data for ${ms} ms`, retryable: true });
}

/**
 * The `interrupted` error for a stream that broke after it started and cannot be resumed, saying
 * why; the HTTP status of a refused resume is kept.
 *
 * @example
 * throw interruptedError(dropError, 'no event id to resume from');
 */
export function interruptedError(cause: RillError, why: string): RillError {
  const status = cause.kind === 'http' ? cause.status : undefined;
  return new RillError(
    {
      kind: 'interrupted',
      message: `${cause.message}; ${why}`,
      retryable: true,
      ...(status !== undefined && { status }),
    },
    { cause },
  );
}

/** Why a response cannot be streamed, with the wait its JSON body asked for (Gemini's RetryInfo), if any. */
export interface ResponseFailure {
  error: RillError;
  retryDelayMs?: number;
}

/**
 * The failure for a response that is not a 2xx `text/event-stream`, quoting the first 200
 * characters of its body; `undefined` when the response is a usable event stream. The body of a
 * non-2xx is read once, up to 16 KiB and for 5 s at most, for both the quote and a RetryInfo delay.
 *
 * @example
 * const bad = await responseFailure(await fetch(url));
 * if (bad) throw bad.error;
 */
export async function responseFailure(response: Response): Promise<ResponseFailure | undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (response.ok && /^text\/event-stream\b/i.test(type)) return undefined;
  if (!response.ok) {
    const { status } = response;
    const body = await bodyStart(response, ERROR_BODY_BYTES);
    const error = new RillError({
      kind: 'http',
      status,
      message: `HTTP ${status} ${response.statusText}: ${body.slice(0, QUOTE_CHARS)}`,
      retryable: isRetryableStatus(status),
    });
    const retryDelayMs = parseRetryInfo(body);
    return retryDelayMs === undefined ? { error } : { error, retryDelayMs };
  }
  const quote = (await bodyStart(response, QUOTE_CHARS * 4)).slice(0, QUOTE_CHARS);
  return {
    error: new RillError({
      kind: 'content-type',
      status: response.status,
      message: `Expected text/event-stream but got ${type || 'no content-type'}: ${quote}`,
      retryable: false,
    }),
  };
}

/** Reads at most `maxBytes` of a body, for `BODY_READ_MS` at most, then lets the connection go. */
async function bodyStart(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  // Cancelling settles the pending read as done: the quote is what arrived in time.
  const timer = setTimeout(() => void reader.cancel().catch(() => undefined), BODY_READ_MS);
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    while (bytes < maxBytes) {
      const chunk = await reader.read();
      if (chunk.done) break;
      const part = chunk.value.subarray(0, maxBytes - bytes);
      bytes += part.byteLength;
      text += decoder.decode(part, { stream: true });
    }
  } catch {
    // A body that breaks while we quote it still yields the part that arrived.
  } finally {
    clearTimeout(timer);
  }
  reader.cancel().catch(() => undefined);
  return text;
}
