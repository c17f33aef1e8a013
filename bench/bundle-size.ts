import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const benchDir = fileURLToPath(new URL('.', import.meta.url));

// How an app ships the code: tree-shaken, minified ES2022 for the browser, workspace packages at their sources.
const shipped = {
  bundle: true,
  minify: true,
  treeShaking: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['rill-source'],
  write: false,
  logLevel: 'silent',
} as const;

/**
 * Bundles `source` (an entry module, resolved from bench/ with workspace packages at their sources) as an
 * app would ship it: tree-shaken, minified ES2022 for the browser; returns its minified and gzip -9 byte counts.
 *
 * @example const { gzipped } = await bundleSize("export { createSSEDecoder } from '@rill/core/sse';");
 */
export async function bundleSize(
  source: string,
  external: string[] = [],
): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    ...shipped,
    stdin: { contents: source, resolveDir: benchDir, loader: 'ts' },
    conditions: [...shipped.conditions],
    external,
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

/**
 * Bundles `source` as {@link bundleSize} does but code-split, as an app's build is: returns the min+gzip
 * bytes a page loads at start (the entry and the chunks it imports statically) and of everything built,
 * lazily loaded chunks included.
 *
 * @example const { initial, total } = await splitBundleSize("import { useStream } from '@rill/react'; …", ['react']);
 */
export async function splitBundleSize(
  source: string,
  external: string[] = [],
): Promise<{ initial: number; total: number }> {
  const result = await build({
    ...shipped,
    stdin: { contents: source, resolveDir: benchDir, loader: 'tsx' },
    conditions: [...shipped.conditions],
    splitting: true,
    outdir: join(benchDir, 'split-out'),
    external,
    metafile: true,
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find(
    (name) => outputs[name]?.entryPoint !== undefined || name.endsWith('stdin.js'),
  );
  const initial = new Set(entry === undefined ? [] : [entry]);
  for (const name of initial)
    for (const imported of outputs[name]?.imports ?? [])
      if (imported.kind === 'import-statement' && !imported.external) initial.add(imported.path);
  let initialBytes = 0;
  let total = 0;
  for (const file of result.outputFiles) {
    const gzipped = gzipSync(file.contents, { level: 9 }).length;
    total += gzipped;
    if ([...initial].some((name) => resolve(name) === file.path)) initialBytes += gzipped;
  }
  return { initial: initialBytes, total };
}
