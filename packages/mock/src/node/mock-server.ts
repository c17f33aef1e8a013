/// <reference types="node" />
// Node-only file: the rest of @rill/mock is platform-neutral (web streams and fetch types only).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockProvider, type MockProvider, type MockProviderOptions } from '../provider/mock-provider.js';

export interface MockServerOptions extends MockProviderOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback by default: the mock is for this machine only. */
  host?: string;
  /** Serve this provider (shares fault counting with MSW handlers made from it) instead of a new one. */
  provider?: MockProvider;
  /** Called when a client goes away before its stream ends (a generation cancelled), with the request's path. */
  onCancel?(path: string): void;
}

/** What the server's event streams came to since it started (also `GET /rill-mock/stats`, `?key=` for one `x-rill-mock-key`). */
export interface MockServerStats {
  /** Event streams started. */
  started: number;
  /** Streams played to their end. */
  completed: number;
  /** Streams whose client went away before their end: generations cancelled. */
  cancelled: number;
  /** Streams broken on purpose by a drop fault. */
  dropped: number;
}

/** A running mock server. */
export interface MockServer {
  /** e.g. `http://127.0.0.1:8787` */
  url: string;
  port: number;
  provider: MockProvider;
  /** A snapshot of the counts: all streams, or those of requests with this `x-rill-mock-key`. */
  stats(key?: string): MockServerStats;
  close(): Promise<void>;
}

/** Where the server answers its stats as JSON. */
export const STATS_PATH = '/rill-mock/stats';

type StreamOutcome = 'completed' | 'cancelled' | 'dropped';

async function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    signal,
    ...(hasBody && { body: Buffer.concat(chunks) }),
  });
}

/** Sends a response; says how the stream went (a client that went away before the end cancelled it). */
async function send(response: Response, res: ServerResponse, signal: AbortSignal): Promise<StreamOutcome> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  // Headers go out now, so time to first byte is real, not held until the first event.
  res.flushHeaders();
  if (response.body === null) {
    res.end();
    return 'completed';
  }
  const reader = response.body.getReader();
  signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
  let written: Promise<void> = Promise.resolve();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      written = new Promise((resolve) => res.write(value, () => resolve()));
    }
    res.end();
    // The client's leaving cancels the body, which then reads as done.
    return signal.aborted ? 'cancelled' : 'completed';
  } catch {
    if (signal.aborted) return 'cancelled';
    // A drop fault: the bytes before it reach the client, then the connection breaks without a clean end.
    await written;
    res.destroy();
    return 'dropped';
  }
}

/**
 * Starts the mock provider on a loopback HTTP server (the `rill-mock` bin runs this). It counts its
 * event streams (started, completed, cancelled by the client, dropped by a fault), in all and per
 * `x-rill-mock-key`: `stats(key?)`, or `GET /rill-mock/stats[?key=K]` as JSON.
 *
 * @example
 * const server = await startMockServer({ port: 0, timing: { ttftMs: 0, tokenDelayMs: 0 } });
 * await fetch(`${server.url}/v1/messages`, { method: 'POST', body });
 * await server.close();
 */
export function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { port = 0, host = '127.0.0.1', provider = createMockProvider(options), onCancel } = options;
  const zero = (): MockServerStats => ({ started: 0, completed: 0, cancelled: 0, dropped: 0 });
  const stats = zero();
  const byKey = new Map<string, MockServerStats>();
  const count = (key: string | null, field: keyof MockServerStats): void => {
    stats[field] += 1;
    if (key === null) return;
    const keyed = byKey.get(key) ?? zero();
    keyed[field] += 1;
    byKey.set(key, keyed);
  };
  const snapshot = (key?: string | null): MockServerStats => ({
    ...(key == null ? stats : (byKey.get(key) ?? zero())),
  });
  let origin = '';
  const server = createServer((req, res) => {
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    const { pathname: path, searchParams } = new URL(req.url ?? '/', 'http://mock');
    if (req.method === 'GET' && path === STATS_PATH) {
      res
        .writeHead(200, {
          'content-type': 'application/json',
          'cache-control': 'no-store',
          'access-control-allow-origin': '*',
        })
        .end(JSON.stringify(snapshot(searchParams.get('key'))));
      return;
    }
    const key = typeof req.headers['x-rill-mock-key'] === 'string' ? req.headers['x-rill-mock-key'] : null;
    toRequest(req, origin, abort.signal)
      .then((request) => provider.handle(request))
      .then(async (response) => {
        const streaming = response.ok && (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
        if (streaming) count(key, 'started');
        const outcome = await send(response, res, abort.signal);
        if (!streaming) return;
        count(key, outcome);
        if (outcome === 'cancelled') onCancel?.(path);
      })
      .catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`rill-mock failed: ${err instanceof Error ? err.message : String(err)}`);
      });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: bound } = server.address() as AddressInfo;
      origin = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
      resolve({
        url: origin,
        port: bound,
        provider,
        stats: snapshot,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
