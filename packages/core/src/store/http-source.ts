import type { ProviderName } from '../message/types.js';
import { decodeProvider } from '../providers/decode-provider.js';
import type { SSEEvent } from '../sse/index.js';
import type { RunInfo } from '../transport/run-announcement.js';
import { stopRun } from '../transport/stop-run.js';
import { streamSSE, type StreamSSEOptions } from '../transport/stream-sse.js';
import type { PartSource } from './part-source.js';
import { decodeRawSSE } from './raw-sse.js';

/** An HTTP endpoint speaking SSE: a provider's API, or a relay of one. */
export interface HttpSourceOptions extends Pick<
  StreamSSEOptions,
  'retry' | 'idleTimeoutMs' | 'deadlineMs' | 'resume' | 'onRun' | 'fetch'
> {
  url: string;
  /** `fetch`'s `credentials` (say `'include'` for a relay on another origin that keys runs by cookie). */
  credentials?: RequestCredentials | undefined;
  /** The request's method (default: POST with a body, else GET). */
  method?: string | undefined;
  headers?: HeadersInit | undefined;
  /** The wire format to decode; `'sse'` (default) reads each event's data as text. */
  provider?: ProviderName | 'sse' | undefined;
}

/**
 * The part source of an HTTP endpoint: `streamSSE` (retry, resume, idle timeout, deadline) then the
 * provider's decoder. A body fetch can send (string, FormData, URLSearchParams, Blob, buffer or
 * stream) is sent as is; any other body, such as a plain object or array, is sent as JSON with
 * `content-type: application/json` unless the headers set one. A run the server announced is
 * stopped upstream (`stopRun`, with these headers) when the store's user stops it; `attach` reads
 * a known run again from its start (`GET resumeUrl`, `Last-Event-ID: startId`) instead of a request.
 *
 * @example
 * const store = createStreamStore({ source: httpSource({ url: '/api/chat', provider: 'anthropic' }) });
 */
export function httpSource(options: HttpSourceOptions): PartSource {
  const { url, headers, provider = 'sse', resume, onRun: announced, ...transport } = options;
  return ({ body, signal, onOpen, onReconnect, attach, stopSignal, onRun, onEventId }) => {
    let run: RunInfo | undefined = attach;
    const stop = (): void => {
      if (run !== undefined)
        void stopRun(run.stopUrl, { headers, fetch: transport.fetch, credentials: transport.credentials });
    };
    stopSignal?.addEventListener('abort', stop, { once: true });
    const merged = new Headers(headers);
    const raw = body === undefined || isBodyInit(body);
    if (!raw && !merged.has('content-type')) merged.set('content-type', 'application/json');
    // A re-attach has no request to send: it begins at the run's own resume URL, whatever `resume` says.
    const request =
      attach === undefined ? { resume, body: raw ? body : JSON.stringify(body) } : { lastEventId: attach.startId };
    const events = streamSSE(attach?.resumeUrl ?? url, {
      ...transport,
      ...request,
      headers: merged,
      signal,
      onOpen,
      onReconnect,
      onRun: (info, eventId) => {
        run = info;
        onRun?.(info, eventId);
        announced?.(info, eventId);
      },
    });
    const read = onEventId === undefined ? events : reportIds(events, onEventId);
    return provider === 'sse' ? decodeRawSSE(read) : decodeProvider(provider, read);
  };
}

/** The events unchanged, each id reported as its event is read (so before the event's parts). */
async function* reportIds(
  events: AsyncIterable<SSEEvent>,
  onEventId: (id: string) => void,
): AsyncGenerator<SSEEvent, void, undefined> {
  for await (const event of events) {
    onEventId(event.id);
    yield event;
  }
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
