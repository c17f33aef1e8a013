// Minified + gzipped size of what an app pays to stream SSE, tree-shaken, for Rill and for its peers.
import { fileURLToPath } from 'node:url';
import { bundleSize, splitBundleSize } from '../bundle-size.js';

const transport = fileURLToPath(new URL('../../packages/core/src/transport/index.ts', import.meta.url));

const entries: [string, string][] = [
  ['rill createSSEDecoder', "export { createSSEDecoder } from '@rill/core/sse';"],
  // Whatever the transport folder exports (streamSSE and its types), straight from its source.
  ['rill createSSEDecoder + transport (streamSSE)', `export { createSSEDecoder } from '@rill/core/sse'; export * from ${JSON.stringify(transport)};`],
  // The same through the package root, as apps import it: proves tree-shaking drops the other stages.
  ['rill { createSSEDecoder, streamSSE } from @rill/core', "export { createSSEDecoder, streamSSE } from '@rill/core';"],
  ['eventsource-parser createParser', "export { createParser } from 'eventsource-parser';"],
  ['eventsource-parser + fetch-event-source', "export { createParser } from 'eventsource-parser'; export { fetchEventSource } from '@microsoft/fetch-event-source';"],
];

/**
 * Prints the bundle-size table.
 *
 * @example
 * await printSizes(); // rill createSSEDecoder + streamSSE  …  gzip bytes
 */
export async function printSizes(): Promise<void> {
  const rows = [];
  for (const [what, source] of entries) {
    try {
      const { minified, gzipped } = await bundleSize(source);
      rows.push({ bundle: what, 'min bytes': minified, 'min+gzip bytes': gzipped, 'min+gzip KB': (gzipped / 1e3).toFixed(2) });
    } catch (error) {
      // Another stage of the package may be mid-change; report it and keep the other rows.
      const reason = error instanceof Error ? error.message.split('\n').slice(0, 2).join(' ') : String(error);
      rows.push({ bundle: what, 'min bytes': 'does not build', 'min+gzip bytes': reason.slice(0, 120), 'min+gzip KB': '' });
    }
  }
  console.log('Bundle size (esbuild, minified, tree-shaken, gzip -9; KB = 10^3 bytes)');
  console.table(rows);
  // An app's build is code-split: a provider's decoder and the JSON parser load when a stream first needs them.
  const apps: [string, string][] = [
    ["useStream({ provider: 'sse' })", "import { useStream } from '@rill/react'; export const A = () => useStream({ url: '/api/story', provider: 'sse' }).text;"],
    ["useStream({ provider: 'anthropic' })", "import { useStream } from '@rill/react'; export const A = () => useStream({ url: '/api/anthropic/v1/messages', provider: 'anthropic' }).text;"],
  ];
  const appRows = [];
  for (const [what, source] of apps) {
    const { initial, total } = await splitBundleSize(source, ['react', 'react-dom', 'react/jsx-runtime']);
    appRows.push({ app: what, 'at start (min+gzip bytes)': initial, 'all chunks (min+gzip bytes)': total });
  }
  console.log('An app using useStream, code-split (esbuild --splitting; react external)');
  console.table(appRows);
}
