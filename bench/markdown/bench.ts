// Markdown for streamed answers: bundle size (min+gz) and the cost of re-rendering a growing
// document after every chunk, for the candidates @rill/ui could use. `pnpm bench markdown`.
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createElement, type ReactNode } from 'react';
import { Lexer } from 'marked';
import { compiler as markdownToJsx } from 'markdown-to-jsx';
import ReactMarkdown from 'react-markdown';
import { micromark } from 'micromark';
import { createBlockSplitter } from '../../packages/ui/src/markdown/block-splitter.js';
import { renderBlocks } from '../../packages/ui/src/markdown/render-tokens.js';
import { repairBlock } from '../../packages/ui/src/markdown/repair/index.js';
import { markdownAnswer } from '../../packages/ui/test/fixtures.js';
import { bundleSize } from '../bundle-size.js';
import { median } from '../median.js';

const uiMarkdown = fileURLToPath(new URL('../../packages/ui/src/markdown/index.ts', import.meta.url));

const sizeEntries: [string, string][] = [
  ['@rill/ui Markdown (marked lexer + own renderer + repair)', `export { Markdown } from ${JSON.stringify(uiMarkdown)};`],
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
        // Completed blocks are memoized React elements: only the tail is lexed and rendered again.
        return renderBlocks(new Lexer({ gfm: true }).lex(repairBlock(doc.tail)), components);
      };
    },
  },
  { name: 'marked lexer + own renderer, whole document', create: () => (text) => renderBlocks(new Lexer({ gfm: true }).lex(text), components) },
  { name: 'markdown-to-jsx, whole document', create: () => (text) => markdownToJsx(text, { disableParsingRawHTML: true }) },
  { name: 'react-markdown, whole document', create: () => (text) => ReactMarkdown({ children: text }) },
  { name: 'micromark to HTML, whole document', create: () => (text) => micromark(text) },
];

function timeGrowing(render: (text: string) => unknown, doc: string, chunk: number): number {
  const start = performance.now();
  for (let end = chunk; end < doc.length + chunk; end += chunk) render(doc.slice(0, end));
  return performance.now() - start;
}

async function main(): Promise<void> {
  console.log('Bundle size (minified + gzipped, React external):');
  for (const [name, source] of sizeEntries) {
    const { minified, gzipped } = await size(source);
    console.log(`  ${name.padEnd(58)} ${(minified / 1024).toFixed(1).padStart(6)} KiB min  ${(gzipped / 1024).toFixed(1).padStart(5)} KiB gz`);
  }
  const chunk = 16;
  for (const copies of [4, 16]) {
    const doc = Array.from({ length: copies }, () => markdownAnswer).join('\n');
    console.log(`\nGrowing document: ${(doc.length / 1024).toFixed(1)} KiB streamed in ${chunk}-character chunks, parse + React elements after each (median of 5):`);
    const results: [string, number][] = [];
    for (const r of renderers) {
      timeGrowing(r.create(), doc.slice(0, 2000), chunk); // warm-up
      const ms = median(Array.from({ length: 5 }, () => timeGrowing(r.create(), doc, chunk)));
      results.push([r.name, ms]);
    }
    const rill = results[0]?.[1] ?? NaN;
    for (const [name, ms] of results) console.log(`  ${name.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms  ${(ms / rill).toFixed(1).padStart(6)}x`);
  }
}

await main();
