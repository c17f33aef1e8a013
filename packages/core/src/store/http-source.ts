import type { ProviderName } from '../message/types.js';
import { decodeProvider } from '../providers/decode-provider.js';
import { streamSSE, type StreamSSEOptions } from '../transport/stream-sse.js';
import type { PartSource } from './part-source.js';
import { decodeRawSSE } from './raw-sse.js';

/** An HTTP endpoint speaking SSE: a provider's API, or a relay of one. */
export interface HttpSourceOptions extends Pick<StreamSSEOptions, 'retry' | 'idleTimeoutMs' | 'deadlineMs' | 'resume' | 'onRun' | 'fetch' | 'credentials' | 'method'> {
  url: string;
  headers?: HeadersInit;
  /** The wire format to decode; `'sse'` (default) reads each event's data as text. */
  provider?: ProviderName | 'sse';
}

/**
 * The part source of an HTTP endpoint: `streamSSE` (retry, resume, idle timeout, deadline) then the
 * provider's decoder. A body fetch can send (string, FormData, URLSearchParams, Blob, buffer or
 * stream) is sent as is; any other body, such as a plain object or array, is sent as JSON with
 * `content-type: application/json` unless the headers set one.
 *
 * @example
 * const store = createStreamStore({ source: httpSource({ url: '/api/chat', provider: 'anthropic' }) });
 */
export function httpSource(options: HttpSourceOptions): PartSource {
  const { url, headers, provider = 'sse', ...transport } = options;
  return ({ body, signal, onOpen, onReconnect }) => {
    const merged = new Headers(headers);
    const raw = body === undefined || isBodyInit(body);
    if (!raw && !merged.has('content-type')) merged.set('content-type', 'application/json');
    const events = streamSSE(url, {
      ...transport,
      headers: merged,
      body: raw ? body : JSON.stringify(body),
      signal,
      onOpen,
      onReconnect,
    });
    return provider === 'sse' ? decodeRawSSE(events) : decodeProvider(provider, events);
  };
}

/** Whether fetch sends `body` itself; the globals are checked first since not every runtime has them all. */
function isBodyInit(body: unknown): body is BodyInit {
  return (
    typeof body === 'string' ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    (typeof Blob !== 'undefined' && body instanceof Blob) ||
    (typeof FormData !== 'undefined' && body instanceof FormData) ||
    (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams) ||
    (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream)
  );
}
