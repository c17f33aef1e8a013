import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';

/** A loopback load balancer: each request goes to the next target in turn. */
export interface RoundRobinProxy {
  url: string;
  close(): Promise<void>;
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'host', 'content-length'];

/**
 * Forwards requests to `targets` in turn (the first request to targets[0]), streaming both ways.
 *
 * @example const lb = await roundRobinProxy([a.url, b.url]); // POST → a, the resume → b
 */
export function roundRobinProxy(targets: readonly string[]): Promise<RoundRobinProxy> {
  let next = 0;
  return new Promise((resolve) => {
    const server = serve(
      {
        fetch: (request: Request) => {
          const target = targets[next++ % targets.length] ?? '';
          const url = new URL(request.url);
          const headers = new Headers(request.headers);
          for (const name of HOP_BY_HOP) headers.delete(name);
          const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
          return fetch(`${target}${url.pathname}${url.search}`, {
            method: request.method,
            headers,
            ...(hasBody && { body: request.body, duplex: 'half' }),
          } as RequestInit);
        },
        port: 0,
        hostname: '127.0.0.1',
      },
      (info: AddressInfo) =>
        resolve({
          url: `http://127.0.0.1:${info.port}`,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              if ('closeAllConnections' in server) server.closeAllConnections();
            }),
        }),
    );
  });
}
