import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach } from 'vitest';

/** A plain answer: status, headers, body. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** A 200 event stream: strings are written as they are, numbers wait that many ms; then the ending. */
export interface Stream {
  stream: (string | number)[];
  /** `end` finishes the response, `drop` destroys the socket mid-body, `stall` keeps it open and silent. */
  then: 'end' | 'drop' | 'stall';
  /** Writes a `: ping` comment this often for as long as the response is open. */
  heartbeatMs?: number;
}

/** Destroys the socket before any response: the client sees a network error. */
export interface Hangup {
  hangup: true;
}

export type Play = Reply | Stream | Hangup;

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The client closed the connection before the server finished or dropped it. */
  clientClosed: boolean;
}

export interface FaultServer {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * Formats one SSE event as it goes on the wire.
 *
 * @example
 * sse({ id: '1', data: 'hello' }); // "id: 1\ndata: hello\n\n"
 */
export function sse(event: { data: string; id?: string; event?: string }): string {
  return `${event.event ? `event: ${event.event}\n` : ''}${event.id ? `id: ${event.id}\n` : ''}data: ${event.data}\n\n`;
}

/**
 * Starts a loopback HTTP server on 127.0.0.1 (a free port) that answers request `i` with
 * `plays[i]` (the last play repeats) and records every request.
 *
 * @example
 * const server = await startFaultServer([{ status: 500 }, { stream: [sse({ data: 'hi' })], then: 'end' }]);
 * try { ... fetch(server.url) ... } finally { await server.close(); }
 */
export async function startFaultServer(plays: Play[]): Promise<FaultServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const play = plays[Math.min(requests.length, plays.length - 1)];
    const record: RecordedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: '',
      clientClosed: false,
    };
    requests.push(record);
    let serverDone = false;
    res.on('close', () => {
      record.clientClosed = !serverDone && !res.writableFinished;
    });
    req.setEncoding('utf8');
    req.on('data', (text: string) => (record.body += text));
    req.on('end', () => {
      if (!play || 'hangup' in play) {
        serverDone = true;
        req.socket.destroy();
      } else if ('status' in play) {
        serverDone = true;
        res.writeHead(play.status, play.headers).end(play.body);
      } else {
        void runStream(play, res, req.socket, () => (serverDone = true));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function runStream(play: Stream, res: ServerResponse, socket: Socket, markServerDone: () => void): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.flushHeaders();
  const heartbeat = play.heartbeatMs ? setInterval(() => res.write(': ping\n\n'), play.heartbeatMs) : undefined;
  res.on('close', () => clearInterval(heartbeat));
  for (const step of play.stream) {
    if (res.destroyed) return;
    if (typeof step === 'number') await new Promise((resolve) => setTimeout(resolve, step));
    else await new Promise<void>((resolve) => res.write(step, () => resolve()));
  }
  if (res.destroyed) return;
  if (play.then === 'end') {
    markServerDone();
    res.end();
  } else if (play.then === 'drop') {
    markServerDone();
    socket.destroy();
  }
}

/**
 * A `serve(...plays)` for a test file: each call starts a fault server, closed after the test that started it.
 *
 * @example
 * const serve = faultServerPerTest();
 * it('retries', async () => { const { url } = await serve({ status: 500 }, { stream: [sse({ data: 'ok' })], then: 'end' }); });
 */
export function faultServerPerTest(): (...plays: Play[]) => Promise<FaultServer> {
  let server: FaultServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return async (...plays) => {
    server = await startFaultServer(plays);
    return server;
  };
}
