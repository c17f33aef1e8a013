import type { ProviderName } from '../message/types.js';
import { decodeProvider } from '../providers/decode-provider.js';
import { streamSSE, type StreamSSEOptions } from '../transport/stream-sse.js';
import type { PartSource } from './part-source.js';
import { decodeRawSSE } from './raw-sse.js';

/** An HTTP endpoint speaking SSE: a provider's API, or a relay of one. */
export interface HttpSourceOptions extends Pick<StreamSSEOptions, 'retry' | 'idleTimeoutMs' | 'resume' | 'fetch' | 'credentials' | 'method'> {
  url: string;
  headers?: HeadersInit;
  /** The wire format to decode; `'sse'` (default) reads each event's data as text. */
  provider?: ProviderName | 'sse';
}

/**
 * The part source of an HTTP endpoint: `streamSSE` (retry, resume, idle timeout) then the
 * provider's decoder. A string body is sent as is; any other body is sent as JSON.
 *
 * @example
 * const store = createStreamStore({ source: httpSource({ url: '/api/chat', provider: 'anthropic' }) });
 */
export function httpSource(options: HttpSourceOptions): PartSource {
  const { url, headers, provider = 'sse', ...transport } = options;
  return ({ body, signal, onOpen, onReconnect }) => {
    const merged = new Headers(headers);
    const isText = typeof body === 'string' || body === undefined;
    if (!isText && !merged.has('content-type')) merged.set('content-type', 'application/json');
    const events = streamSSE(url, {
      ...transport,
      headers: merged,
      body: isText ? body : JSON.stringify(body),
      signal,
      onOpen,
      onReconnect,
    });
    return provider === 'sse' ? decodeRawSSE(events) : decodeProvider(provider, events);
  };
}
