// The built widget (dist/) with its host pages, and the Rill mock provider under /api on the same
// origin, as a host site's own backend would be.
import { fileURLToPath } from 'node:url';
import { startMockServer } from '@rill/mock/node';
import { preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A running widget server. */
export interface WidgetServer {
  url: string;
  mockUrl: string;
  close(): Promise<void>;
}

/**
 * Serves `dist/` on `port` (0: any free port) with `/api` proxied to a fresh mock provider.
 *
 * @example const server = await startWidgetServer(4320); await page.goto(`${server.url}/hostile.html`);
 */
export async function startWidgetServer(port: number): Promise<WidgetServer> {
  // Fast but visibly progressive: the first token after 150 ms, then one every 20 ms.
  const mock = await startMockServer({ timing: { ttftMs: 150, tokenDelayMs: 20, jitterMs: 0 } });
  const server = await preview({
    root,
    configFile: `${root}vite.config.ts`,
    preview: { host: '127.0.0.1', port, strictPort: port !== 0, proxy: { '/api': mock.url } },
  });
  const url = (server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`).replace(/\/$/, '');
  return {
    url,
    mockUrl: mock.url,
    close: async () => {
      await Promise.all([server.close(), mock.close()]);
    },
  };
}
