// Minified + gzipped size of what an app pays to stream SSE, tree-shaken, for Rill and for its peers.
import { fileURLToPath } from 'node:url';
import { bundleSize, splitBundleSize } from '../bundle-size.js';

const transport = fileURLToPath(new URL('../../packages/core/src/transport/index.ts', import.meta.url));

/** The most `createSSEDecoder` + `streamSSE` may weigh, min+gzip. */
export const SIZE_TARGET = 2500;
/** The row the target is about: the two through the package root, as apps import them. */
export const TRANSPORT_BUNDLE = 'rill { createSSEDecoder, streamSSE } from @rill/core';

const entries: [string, string][] = [
  ['rill createSSEDecoder', "export { createSSEDecoder } from '@rill/core/sse';"],
  // Whatever the transport folder exports (streamSSE, stopRun and their types), straight from its source.
  [
    'rill createSSEDecoder + transport folder',
    `export { createSSEDecoder } from '@rill/core/sse'; export * from ${JSON.stringify(transport)};`,
  ],
  // The same through the package root, as apps import it: proves tree-shaking drops the other stages.
  [TRANSPORT_BUNDLE, "export { createSSEDecoder, streamSSE } from '@rill/core';"],
  ['eventsource-parser createParser', "export { createParser } from 'eventsource-parser';"],
  [
    'eventsource-parser + fetch-event-source',
    "export { createParser } from 'eventsource-parser'; export { fetchEventSource } from '@microsoft/fetch-event-source';",
  ],
];

/** One bundle's size, or why it did not build. */
export interface SizeRow {
  bundle: string;
  minified: number | string;
  gzipped: number | string;
  /** Minified bytes per source file, largest first (for the rows that built). */
  modules?: [string, number][];
}

/**
 * Bundles every entry; a row that does not build says why instead of failing the bench.
 *
 * @example (await measureSizes()).find((s) => s.bundle === 'rill createSSEDecoder')?.gzipped; // 1400
 */
export async function measureSizes(): Promise<SizeRow[]> {
  const rows: SizeRow[] = [];
  for (const [bundle, source] of entries) {
    try {
      const { minified, gzipped, modules } = await bundleSize(source);
      rows.push({ bundle, minified, gzipped, modules: [...modules].sort((a, b) => b[1] - a[1]) });
    } catch (error) {
      // Another stage of the package may be mid-change; report it and keep the other rows.
      const reason = error instanceof Error ? error.message.split('\n').slice(0, 2).join(' ') : String(error);
      rows.push({ bundle, minified: 'does not build', gzipped: reason.slice(0, 120) });
    }
  }
  return rows;
}

/**
 * Prints the bundle-size table.
 *
 * @example printSizes(await measureSizes()); // rill createSSEDecoder + streamSSE  …  gzip bytes
 */
export function printSizes(rows: SizeRow[]): void {
  console.log('\nBundle size (esbuild, minified, tree-shaken, gzip -9; KB = 10^3 bytes)');
  console.table(
    rows.map(({ bundle, minified, gzipped }) => ({
      bundle,
      'min bytes': minified,
      'min+gzip bytes': gzipped,
      'min+gzip KB': typeof gzipped === 'number' ? (gzipped / 1e3).toFixed(2) : '',
    })),
  );
  const transport = rows.find((r) => r.bundle === TRANSPORT_BUNDLE);
  if (!transport?.modules) return;
  // What each stage costs: the decoder, the reader, and what streamSSE's retry, resume and run protocol add.
  console.log(`Where the minified bytes of ${TRANSPORT_BUNDLE} come from:`);
  console.table(
    transport.modules.map(([path, bytes]) => ({
      'source file': path.replace(/^.*packages\//, ''),
      'min bytes': bytes,
    })),
  );
}

/**
 * Prints what an app using useStream ships at start and in all, code-split: a provider's decoder and the JSON parser load when a stream first needs them.
 *
 * @example await printAppSizes(); // useStream({ provider: 'sse' })  9902  25544
 */
export async function printAppSizes(): Promise<void> {
  const apps: [string, string][] = [
    [
      "useStream({ provider: 'sse' })",
      "import { useStream } from '@rill/react'; export const A = () => useStream({ url: '/api/story', provider: 'sse' }).text;",
    ],
    [
      "useStream({ provider: 'anthropic' })",
      "import { useStream } from '@rill/react'; export const A = () => useStream({ url: '/api/anthropic/v1/messages', provider: 'anthropic' }).text;",
    ],
  ];
  const appRows = [];
  for (const [what, source] of apps) {
    const { initial, total } = await splitBundleSize(source, ['react', 'react-dom', 'react/jsx-runtime']);
    appRows.push({ app: what, 'at start (min+gzip bytes)': initial, 'all chunks (min+gzip bytes)': total });
  }
  console.log('An app using useStream, code-split (esbuild --splitting; react external)');
  console.table(appRows);
}
