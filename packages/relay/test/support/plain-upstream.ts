import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';

/** A hand-made upstream on loopback, for answers the mock does not give (a 401 that quotes the key, a capture of what arrives). */
export interface PlainUpstream {
  url: string;
  requests: { url: string; headers: Headers; body: string }[];
  close(): Promise<void>;
}

/**
 * Serves `answer` on a free loopback port, recording each request.
 *
 * @example const upstream = await plainUpstream(() => new Response('no', { status: 401 }));
 */
export function plainUpstream(answer: (request: Request) => Response): Promise<PlainUpstream> {
  const requests: PlainUpstream['requests'] = [];
  return new Promise((resolve) => {
    const server = serve(
      {
        fetch: async (request: Request) => {
          requests.push({ url: request.url, headers: request.headers, body: await request.clone().text() });
          return answer(request);
        },
        port: 0,
        hostname: '127.0.0.1',
      },
      (info: AddressInfo) =>
        resolve({
          url: `http://127.0.0.1:${info.port}`,
          requests,
          close: () => new Promise<void>((done) => server.close(() => done())),
        }),
    );
  });
}

/** A tiny event stream, as a provider's 200 answer. */
export const tinyStream = (): Response =>
  new Response('event: message_stop\ndata: {"type":"message_stop"}\n\n', {
    headers: { 'content-type': 'text/event-stream' },
  });
