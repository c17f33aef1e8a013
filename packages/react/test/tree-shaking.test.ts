// @vitest-environment node
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';

const reactSource = fileURLToPath(new URL('../src/index.ts', import.meta.url));

// What only a provider decoder or the incremental JSON parser (with its schema checker) would put in a bundle.
const decoderMarkers = ['content_block_delta', 'response.output_text.delta', 'candidates', 'finish_reason'];
const parserMarkers = ['JSONStreamError', 'additionalProperties'];

/** Builds `source` as an app's production bundle (Vite: tree-shaken, minified, code-split); returns the chunks a page loads at start and the rest. */
async function bundle(source: string): Promise<{ initial: string; initialBytes: number; lazy: string }> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { conditions: ['rill-source', 'module', 'browser', 'production', 'default'] },
    plugins: [
      {
        name: 'app-entry',
        resolveId: (id) => (id === 'app-entry' ? '\0app-entry' : undefined),
        load: (id) => (id === '\0app-entry' ? source : undefined),
      },
    ],
    build: {
      write: false,
      minify: true,
      rolldownOptions: {
        input: 'app-entry',
        preserveEntrySignatures: 'exports-only',
        external: [/^react($|\/)/, /^react-dom($|\/)/],
      },
    },
  })) as Rolldown.RolldownOutput;
  const chunks = output.output.filter((file): file is Rolldown.OutputChunk => file.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  // The entry and what it imports statically load with the page; dynamic imports wait until a stream needs them.
  const initial = new Set<Rolldown.OutputChunk>();
  const visit = (chunk: Rolldown.OutputChunk | undefined): void => {
    if (chunk === undefined || initial.has(chunk)) return;
    initial.add(chunk);
    for (const name of chunk.imports) visit(byName.get(name));
  };
  visit(chunks.find((chunk) => chunk.isEntry));
  const code = (list: Rolldown.OutputChunk[]) => list.map((chunk) => chunk.code).join('\n');
  const initialCode = code([...initial]);
  return {
    initial: initialCode,
    initialBytes: gzipSync(initialCode, { level: 9 }).length,
    lazy: code(chunks.filter((chunk) => !initial.has(chunk))),
  };
}

const app = (options: string) =>
  `import { useStream } from ${JSON.stringify(reactSource)};\nexport function Answer() { return useStream(${options}).text; }`;

describe('what useStream costs an app', () => {
  it("ships no provider decoder and no JSON parser with useStream({ provider: 'sse' })", async () => {
    const { initial, initialBytes, lazy } = await bundle(app("{ url: '/api/story', provider: 'sse' }"));
    console.log(`useStream({ provider: 'sse' }): ${initialBytes} bytes min+gzip at start`);
    for (const marker of [...decoderMarkers, ...parserMarkers]) expect(initial).not.toContain(marker);
    // The markers are real: the code they mark is in the build, split off until a stream needs it.
    for (const marker of [...decoderMarkers, ...parserMarkers]) expect(lazy).toContain(marker);
  }, 30_000);

  it("loads only Anthropic's decoder when a stream names it, and the parser at its first tool call", async () => {
    const { initial, lazy } = await bundle(app("{ url: '/api/anthropic/v1/messages', provider: 'anthropic' }"));
    for (const marker of [...decoderMarkers, ...parserMarkers]) expect(initial).not.toContain(marker);
    expect(lazy).toContain('content_block_delta');
  }, 30_000);
});
