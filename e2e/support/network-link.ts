import { connect, createServer, type Socket } from 'node:net';

/** A loopback TCP hop between the browser and a server, which a test can cut as a failing network does. */
export interface NetworkLink {
  /** The server's origin through the link, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Resets every connection open through the link at once (the browser sees ERR_CONNECTION_RESET); new ones get through. */
  cut(): void;
  close(): Promise<void>;
}

/**
 * Opens a link to `target` on a free loopback port. Chromium's offline emulation fails new
 * requests but leaves a response that is already streaming untouched, so a mid-answer cut needs
 * a real connection to break.
 *
 * @example const link = await openNetworkLink('http://127.0.0.1:4310'); await page.goto(link.url); link.cut();
 */
export function openNetworkLink(target: string): Promise<NetworkLink> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const track = (socket: Socket, other: () => Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // One side failing takes the other down with it, as a broken path would.
    socket.on('error', () => other().destroy());
  };
  const server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    track(client, () => upstream);
    track(upstream, () => client);
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${bound}`,
        cut: () => {
          for (const socket of sockets) socket.resetAndDestroy();
        },
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/**
 * A Playwright fixture giving each test its own link to `target`, closed after the test.
 *
 * @example const test = base.extend<{ link: NetworkLink }>({ link: linkFixture(DEMO_URL) });
 */
export function linkFixture(
  target: string,
): (deps: object, use: (link: NetworkLink) => Promise<void>) => Promise<void> {
  // Playwright reads a fixture's dependencies from its first parameter's pattern: this one has none.
  // eslint-disable-next-line no-empty-pattern
  return async ({}, use) => {
    const link = await openNetworkLink(target);
    await use(link);
    await link.close();
  };
}
