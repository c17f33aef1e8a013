// Serves a built static folder (Storybook's storybook-static) on a fixed port for the e2e suite.
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';

const [folder, port] = process.argv.slice(2);
if (folder === undefined || port === undefined) throw new Error('usage: serve-static.ts <folder> <port>');
const root = fileURLToPath(new URL(`../${folder}`, import.meta.url));
const server = await preview({ configFile: false, root, build: { outDir: '.' }, preview: { host: '127.0.0.1', port: Number(port), strictPort: true } });
console.log(`serving ${root} at http://127.0.0.1:${port}/`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void server.close().then(() => process.exit(0)));
