import { RillError } from '../errors.js';
import { isRetryableStatus } from './backoff.js';

const QUOTE_CHARS = 200;

/**
 * The `aborted` error for a caller's signal, keeping its reason as the cause.
 *
 * @example
 * if (signal.aborted) throw abortedError(signal);
 */
export function abortedError(signal?: AbortSignal | null): RillError {
  return new RillError({ kind: 'aborted', message: 'The request was aborted', retryable: false }, { cause: signal?.reason });
}

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
 * The error for a response that is not a 2xx `text/event-stream`, quoting the first 200
 * characters of its body; `undefined` when the response is a usable event stream.
 *
 * @example
 * const bad = await responseError(await fetch(url));
 * if (bad) throw bad;
 */
export async function responseError(response: Response): Promise<RillError | undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (response.ok && /^text\/event-stream\b/i.test(type)) return undefined;
  const quote = await bodyStart(response);
  if (!response.ok) {
    const { status } = response;
    return new RillError({ kind: 'http', status, message: `HTTP ${status} ${response.statusText}: ${quote}`, retryable: isRetryableStatus(status) });
  }
  return new RillError({
    kind: 'content-type',
    status: response.status,
    message: `Expected text/event-stream but got ${type || 'no content-type'}: ${quote}`,
    retryable: false,
  });
}

/** Reads only as much of a body as the error message quotes, then lets the connection go. */
async function bodyStart(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < QUOTE_CHARS) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
  } catch {
    // A body that breaks while we quote it still yields the part that arrived.
  }
  reader.cancel().catch(() => undefined);
  return text.slice(0, QUOTE_CHARS);
}
