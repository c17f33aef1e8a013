// Markdown for streamed answers: bundle size (min+gz), the cost of re-rendering a growing
// document after every chunk, the cost per appended KiB of one block growing to 1 MiB, and the
// heap a long streamed answer keeps, for the candidates @rill/ui could use. `pnpm bench markdown`
// (run.ts starts node with --expose-gc). The same growth laid out in Chromium: layout.ts.
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createElement, type ReactNode } from 'react';
import { Lexer } from 'marked';
import { compiler as markdownToJsx } from 'markdown-to-jsx';
import ReactMarkdown from 'react-markdown';
import { micromark } from 'micromark';
import { createBlockSplitter } from '../../packages/ui/src/markdown/block-splitter.js';
import { lexInline, lexMarkdown } from '../../packages/ui/src/markdown/lex-markdown.js';
import { renderBlocks, renderInline } from '../../packages/ui/src/markdown/render-tokens.js';
import { repairBlock } from '../../packages/ui/src/markdown/repair/index.js';
import { repairInline } from '../../packages/ui/src/markdown/repair/repair-block.js';
import { markdownAnswer } from '../../packages/ui/test/fixtures.js';
import { bundleSize, splitBundleSize } from '../bundle-size.js';
import { median } from '../median.js';
import { longAnswer, longFence, longParagraph, tokenPieces } from './documents.js';
import { highlightCost } from './highlight-cost.js';
import { tiny } from '../tiny.js';

const uiMarkdown = fileURLToPath(new URL('../../packages/ui/src/markdown/index.ts', import.meta.url));

const sizeEntries: [string, string][] = [
  ['marked (Lexer only)', "export { Lexer } from 'marked';"],
  ['markdown-to-jsx (compiler)', "export { compiler } from 'markdown-to-jsx';"],
  ['react-markdown', "export { default } from 'react-markdown';"],
  ['micromark (HTML string out: would need innerHTML)', "export { micromark } from 'micromark';"],
];

// React is the app's already: count only what each candidate adds.
const size = (source: string) => bundleSize(source, ['react', 'react-dom', 'react/jsx-runtime']);

// What the UI does after each chunk: parse the text so far and build React elements for it.
type Renderer = { name: string; create(): (text: string) => unknown };
const components = { code: ({ code }: { code: string }): ReactNode => createElement('pre', null, code) };
const renderers: Renderer[] = [
  {
    name: '@rill/ui Markdown (blocks memoized, last block repaired)',
    create() {
      const splitter = createBlockSplitter();
      return (text) => {
        const doc = splitter.update(text);
        // As Markdown renders: completed blocks and a paragraph's settled chunks are memoized React
        // elements, an open fence comes as its token; only the open end is repaired, lexed and rendered.
        const open = doc.open;
        if (open?.type === 'paragraph')
          return [open.chunks.length, renderInline(lexInline(repairInline(open.rest), doc.links))];
        if (open?.type === 'fence') return renderBlocks([open.token], components);
        return renderBlocks(lexMarkdown(repairBlock(doc.tail), doc.links), components);
      };
    },
  },
  {
    name: 'marked lexer + own renderer, whole document',
    create: () => (text) => renderBlocks(new Lexer({ gfm: true }).lex(text), components),
  },
  {
    name: 'markdown-to-jsx, whole document',
    create: () => (text) => markdownToJsx(text, { disableParsingRawHTML: true }),
  },
  { name: 'react-markdown, whole document', create: () => (text) => ReactMarkdown({ children: text }) },
  { name: 'micromark to HTML, whole document', create: () => (text) => micromark(text) },
];

function timeGrowing(render: (text: string) => unknown, doc: string, chunk: number): number {
  const start = performance.now();
  for (let end = chunk; end < doc.length + chunk; end += chunk) render(doc.slice(0, end));
  return performance.now() - start;
}

// Markdown's syntax highlighting is loaded by import() (Shiki, then each grammar): what a page loads at start, and later.
async function markdownSizes(): Promise<void> {
  const react = ['react', 'react-dom', 'react/jsx-runtime'];
  const entry = `export { Markdown } from ${JSON.stringify(uiMarkdown)};`;
  const split = await splitBundleSize(entry, react);
  // Highlighting's modules (all in markdown/highlight/) left out: Markdown as it was before it highlighted.
  const without = await splitBundleSize(entry, [...react, './highlight/*']);
  const shiki = ['shiki-tokenizer.ts'];
  const rows: [string, number][] = [
    ['@rill/ui Markdown at start (marked lexer + renderer + repair)', split.initial],
    ['  the same without highlighting (its modules left out)', without.initial],
    ['  later, at the first highlighted block: Shiki core + JS regex', split.lazy('shiki-tokenizer.ts')],
    ['  later, per language: the TypeScript grammar', split.lazy('langs-precompiled/dist/typescript.mjs', shiki)],
    ['                       the Python grammar', split.lazy('langs-precompiled/dist/python.mjs', shiki)],
    ['                       the JSON grammar', split.lazy('langs-precompiled/dist/json.mjs', shiki)],
  ];
  for (const [name, gzipped] of rows)
    console.log(`  ${name.padEnd(62)} ${(gzipped / 1024).toFixed(1).padStart(23)} KiB gz (${gzipped} bytes)`);
  console.log(
    `  ${'  highlighting at start adds'.padEnd(62)} ${String(split.initial - without.initial).padStart(27)} bytes gz`,
  );
}

async function main(): Promise<void> {
  console.log('Bundle size (minified + gzipped, React external):');
  await markdownSizes();
  for (const [name, source] of sizeEntries) {
    const { minified, gzipped } = await size(source);
    console.log(
      `  ${name.padEnd(58)} ${(minified / 1024).toFixed(1).padStart(6)} KiB min  ${(gzipped / 1024).toFixed(1).padStart(5)} KiB gz`,
    );
  }
  const chunk = 16;
  for (const copies of tiny ? [1] : [4, 16]) {
    const doc = Array.from({ length: copies }, () => markdownAnswer).join('\n');
    console.log(
      `\nGrowing document: ${(doc.length / 1024).toFixed(1)} KiB streamed in ${chunk}-character chunks, parse + React elements after each (median of 5):`,
    );
    const results: [string, number][] = [];
    for (const r of renderers) {
      timeGrowing(r.create(), doc.slice(0, 2000), chunk); // warm-up
      const ms = median(Array.from({ length: 5 }, () => timeGrowing(r.create(), doc, chunk)));
      results.push([r.name, ms]);
    }
    const rill = results[0]?.[1] ?? NaN;
    for (const [name, ms] of results)
      console.log(`  ${name.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms  ${(ms / rill).toFixed(1).padStart(6)}x`);
  }
}

// Time per KiB appended in `step`-character updates over `window` characters ending at `end`, the text before
// reached in one update (so the whole-document candidates need not re-parse every step up to 1 MiB).
function msPerKiB(render: (text: string) => unknown, doc: string, end: number, window: number, step: number): number {
  render(doc.slice(0, end - window));
  const start = performance.now();
  for (let at = end - window + step; at <= end; at += step) render(doc.slice(0, at));
  return ((performance.now() - start) * 1024) / window;
}

async function growingBlock(): Promise<void> {
  const size = tiny ? 2 ** 14 : 2 ** 20;
  const step = 64;
  const docs: [string, string][] = [
    ['paragraph', longParagraph(size)],
    ['code fence', longFence(size)],
  ];
  console.log(
    `\nOne block growing to 1 MiB in ${step}-character updates, ms per KiB appended: at the start (4 KiB), at the end (1 MiB),`,
  );
  console.log(
    'the growth from start to end, and the end against Rill (Rill: median of 5 KiB-long runs; the others re-parse 1 MiB per update: one run of 256 characters at the end):',
  );
  console.log(
    `  ${''.padEnd(58)} ${docs.map(([name]) => `${name.padStart(10)}: start       end   growth     vs Rill`).join('  ')}`,
  );
  const rows: [string, number[]][] = [];
  for (const r of renderers) {
    const incremental = r === renderers[0];
    const figures: number[] = [];
    for (const [, doc] of docs) {
      msPerKiB(r.create(), doc, 8192, 4096, step); // warm-up
      figures.push(
        median(Array.from({ length: incremental ? 5 : 3 }, () => msPerKiB(r.create(), doc, 4096, 1024, step))),
      );
      figures.push(
        incremental
          ? median(Array.from({ length: 5 }, () => msPerKiB(r.create(), doc, doc.length, 1024, step)))
          : msPerKiB(r.create(), doc, doc.length, 256, step),
      );
    }
    rows.push([r.name, figures]);
  }
  const rill = rows[0]?.[1] ?? [];
  for (const [name, figures] of rows) {
    const cells = docs.map((_, i) => {
      const start = figures[2 * i] ?? NaN;
      const end = figures[2 * i + 1] ?? NaN;
      return `${start.toFixed(2).padStart(17)} ${end.toFixed(2).padStart(9)} ${(end / start).toFixed(1).padStart(7)}x ${(end / (rill[2 * i + 1] ?? NaN)).toFixed(0).padStart(9)}x`;
    });
    console.log(`  ${name.padEnd(58)} ${cells.join('  ')}`);
  }
}

const gc = (globalThis as { gc?: () => void }).gc;

function heapAfterGC(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

// The heap what `run` returns keeps, after GC. Its own frame: nothing it kept stays reachable after.
function keptBytes(run: () => unknown): number {
  const before = heapAfterGC();
  const kept = run();
  const bytes = heapAfterGC() - before;
  return kept === undefined ? NaN : bytes;
}

// What Markdown keeps after streaming `pieces`, 8 per update (about a frame's worth), the text built by
// concatenation as a message accumulator does: the splitter, and (`render`) each done block rendered.
function streamRill(pieces: readonly string[], render: boolean): unknown {
  const splitter = createBlockSplitter();
  const rendered = new Map<number, [unknown, ReactNode]>();
  const keep = (blocks: ReturnType<typeof splitter.update>['done']) => {
    if (!render) return;
    for (const block of blocks)
      if (rendered.get(block.key)?.[0] !== block)
        rendered.set(block.key, [block, renderBlocks(lexMarkdown(block.source, block.links), components)]);
  };
  let text = '';
  for (let i = 0; i < pieces.length; i++) {
    text += pieces[i];
    if (i % 8 === 7) keep(splitter.update(text).done);
  }
  keep(splitter.update(text, true).done);
  return [splitter, rendered];
}

function retainedHeap(): void {
  const tokens = tiny ? 2_000 : 200_000;
  const pieces = tokenPieces(longAnswer(tokens * 8), tokens);
  const text = pieces.join('');
  const size = text.length;
  console.log(
    `\nHeap kept after GC once a ${tokens / 1000}k-token answer (${(size / 2 ** 20).toFixed(2)} MiB, ${pieces.length / 8} updates) has streamed${gc ? '' : ' (no --expose-gc: not collected first)'}:`,
  );
  const candidates: [string, () => unknown][] = [
    ['@rill/ui Markdown: splitter + done blocks rendered', () => streamRill(pieces, true)],
    ['  of which the splitter (its text, done blocks, definitions)', () => streamRill(pieces, false)],
    // The others keep nothing between updates: what stays is their output for the whole text.
    ['marked lexer + own renderer, whole document', () => renderBlocks(new Lexer({ gfm: true }).lex(text), components)],
    ['markdown-to-jsx, whole document', () => markdownToJsx(text, { disableParsingRawHTML: true })],
    ['react-markdown, whole document', () => ReactMarkdown({ children: text })],
    ['micromark to HTML, whole document', () => micromark(text)],
  ];
  const results = candidates.map(([name, run]): [string, number] => [name, keptBytes(run)]);
  const rill = results[0]?.[1] ?? NaN;
  for (const [name, bytes] of results) {
    console.log(
      `  ${name.padEnd(62)} ${(bytes / 2 ** 20).toFixed(1).padStart(8)} MiB  ${(bytes / size).toFixed(1).padStart(6)}x the text  ${(bytes / rill).toFixed(2).padStart(6)}x Rill`,
    );
  }
}

await main();
await growingBlock();
retainedHeap();
await highlightCost();
