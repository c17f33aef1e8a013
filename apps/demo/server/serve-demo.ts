// `pnpm --filter @rill/demo run serve` (after a build; `run demo` and `npm run demo` build first):
// the built demo on 127.0.0.1:4310 through `vite preview`, with @rill/relay in front of the mock
// provider's Node server mounted on the same origin. RILL_REDIS_URL keeps the relays' runs on Redis.
import { getRequestListener } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { preview, type Plugin } from 'vite';
import { startRelayBackend } from './relay-backend.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 4310);
const redisUrl = process.env.RILL_REDIS_URL || undefined;

const backend = await startRelayBackend({
  ...(redisUrl !== undefined && { redisUrl }),
  report: (line) => process.stderr.write(`${line}\n`),
}).catch((error: unknown) => {
  // e.g. a Redis that cannot be reached: said in one line, not a stack.
  process.stderr.write(`Rill demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
// Plain WHATWG Request/Response for the relay; Vite keeps its own Node objects.
const listener = getRequestListener(backend.handle, { overrideGlobalObjects: false });

// Mounted before Vite's own middlewares (static files, compression): the relay's streams go out unbuffered.
const relayPlugin: Plugin = {
  name: 'rill-demo-relay',
  configurePreviewServer(server) {
    server.middlewares.use((req, res, next) => {
      if (backend.serves(new URL(req.url ?? '/', 'http://demo').pathname)) void listener(req, res);
      else next();
    });
  },
  closePreviewServer: () => backend.close(),
};

const server = await preview({
  root,
  configFile: `${root}vite.config.ts`,
  plugins: [relayPlugin],
  preview: { host: '127.0.0.1', port, strictPort: true },
});
const url = (server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`).replace(/\/$/, '');
const where = backend.log === 'redis' ? `Redis event log at ${new URL(redisUrl ?? '').host}` : 'memory event log';
console.log(`Rill demo: ${url}/
  chat and structured output through @rill/relay (${where}) at ${url}/api/{provider}/…
  in front of the @rill/mock Node server at ${backend.mockUrl} (stats: ${url}/api/mock/stats)
Reload mid-answer and it continues; Stop cancels the generation upstream (the mock says so here).`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
