import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const benchDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * Bundles `source` (an entry module, resolved from bench/ with workspace packages at their sources) as an
 * app would ship it: tree-shaken, minified ES2022 for the browser; returns its minified and gzip -9 byte counts.
 *
 * @example const { gzipped } = await bundleSize("export { createSSEDecoder } from '@rill/core/sse';");
 */
export async function bundleSize(source: string, external: string[] = []): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    stdin: { contents: source, resolveDir: benchDir, loader: 'ts' },
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['rill-source'],
    external,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}
