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
 * app would ship it: tree-shaken, minified ES2022 for the browser; returns its minified and gzip -9 byte
 * counts, and the minified bytes each source file (path relative to bench/) put into it.
 *
 * @example const { gzipped } = await bundleSize("export { createSSEDecoder } from '@rill/core/sse';");
 */
export async function bundleSize(
  source: string,
  external: string[] = [],
): Promise<{ minified: number; gzipped: number; modules: Map<string, number> }> {
  const result = await build({
    ...shipped,
    stdin: { contents: source, resolveDir: benchDir, loader: 'ts' },
    conditions: [...shipped.conditions],
    external,
    metafile: true,
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const inputs = Object.values(result.metafile.outputs)[0]?.inputs ?? {};
  const modules = new Map(
    Object.entries(inputs)
      .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
      .map(([path, { bytesInOutput }]) => [path, bytesInOutput]),
  );
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, modules };
}

/**
 * Bundles `source` as {@link bundleSize} does but code-split, as an app's build is: returns the min+gzip
 * bytes a page loads at start (the entry and the chunks it imports statically), of everything built,
 * lazily loaded chunks included, and `lazy(module)`: what importing `module` (a path ending) later loads.
 *
 * @example const { initial, total } = await splitBundleSize("import { useStream } from '@rill/react'; …", ['react']);
 */
export async function splitBundleSize(
  source: string,
  external: string[] = [],
): Promise<{ initial: number; total: number; lazy: (module: string, loadedBefore?: string[]) => number }> {
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
  // Each dynamically imported module is an entry point of its own too: the page's entry is stdin.
  const entry = Object.keys(outputs).find((name) => outputs[name]?.entryPoint === '<stdin>');
  // An output and the chunks it imports statically, all loaded together.
  const closure = (names: string[]): Set<string> => {
    const loaded = new Set(names);
    for (const name of loaded)
      for (const imported of outputs[name]?.imports ?? [])
        if (imported.kind === 'import-statement' && !imported.external) loaded.add(imported.path);
    return loaded;
  };
  const initial = closure(entry === undefined ? [] : [entry]);
  const gzipped = new Map<string, number>();
  for (const file of result.outputFiles) {
    const name = Object.keys(outputs).find((output) => resolve(output) === file.path);
    if (name !== undefined) gzipped.set(name, gzipSync(file.contents, { level: 9 }).length);
  }
  const bytes = (names: Iterable<string>) => [...names].reduce((sum, name) => sum + (gzipped.get(name) ?? 0), 0);
  const outputOf = (module: string) =>
    Object.keys(outputs).filter((name) => outputs[name]?.entryPoint?.endsWith(module) === true);
  const lazy = (module: string, loadedBefore: string[] = []) => {
    const before = new Set([...initial, ...closure(loadedBefore.flatMap(outputOf))]);
    return bytes([...closure(outputOf(module))].filter((name) => !before.has(name)));
  };
  return { initial: bytes(initial), total: bytes(gzipped.keys()), lazy };
}
