// Serves the built widget (dist/) with its host pages, and the Rill mock provider under /api on
// the same origin, as a host site's own backend would be. Used by `pnpm demo`, e2e and the screenshot.
import { fileURLToPath } from 'node:url';
import { startMockServer } from '@rill/mock/node';
import { preview } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 4320);

// Fast but visibly progressive: the first token after 150 ms, then one every 20 ms.
const mock = await startMockServer({ timing: { ttftMs: 150, tokenDelayMs: 20, jitterMs: 0 } });
const server = await preview({
  root,
  configFile: `${root}vite.config.ts`,
  preview: { host: '127.0.0.1', port, strictPort: true, proxy: { '/api': mock.url } },
});
console.log(`Rill widget: http://127.0.0.1:${port}/ (plain page), http://127.0.0.1:${port}/hostile.html (hostile CSS); mock provider at ${mock.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void Promise.all([server.close(), mock.close()]).then(() => process.exit(0));
  });
}
