import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Relay } from '../relay/create-relay.js';

/** Where a relay listens. */
export interface ServeRelayOptions {
  /** 0 picks a free port (default 8788). */
  port?: number;
  /** Default 127.0.0.1; use 0.0.0.0 behind a load balancer. */
  host?: string;
}

/** A relay listening on Node's HTTP server. */
export interface RelayServer {
  /** e.g. `http://127.0.0.1:8788` */
  url: string;
  port: number;
  /** Stops listening, ends the generations this relay runs (`interrupted`) and closes open streams. */
  close(): Promise<void>;
}

/**
 * Serves a relay from Node through Hono's Node adapter (`@hono/node-server`).
 *
 * @example
 * const server = await serveRelay(createRelay({ provider: 'anthropic', authorize }), { port: 8788 });
 * console.log(server.url);
 */
export function serveRelay(relay: Relay, options: ServeRelayOptions = {}): Promise<RelayServer> {
  const { port = 8788, host = '127.0.0.1' } = options;
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    const server: ServerType = serve({ fetch: relay.handle, port, hostname: host }, (info: AddressInfo) => {
      server.off('error', onError);
      const origin = `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`;
      resolve({
        url: origin,
        port: info.port,
        close: async () => {
          const closed = new Promise<void>((done) => server.close(() => done()));
          // Ending the runs first writes their rill-end, which followers on this server still receive.
          await relay.close();
          if ('closeAllConnections' in server) server.closeAllConnections();
          await closed;
        },
      });
    });
    server.once('error', onError);
  });
}
