// `pnpm exec tsx bench/markdown/layout.ts`: in Chromium, the real Markdown (production React, the
// default theme) grows one paragraph or code fence in 64-character updates, laid out after each as
// a frame would be; prints ms per KiB appended at 4 KiB, 160 KiB and 1 MiB (median of 3 KiB-long runs).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { chromiumLaunchOptions } from '../../vite.config.js';
import { median } from '../median.js';
import { longFence, longParagraph } from './documents.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const bundle = await build({
  entryPoints: [`${here}layout-page.tsx`],
  bundle: true,
  write: false,
  format: 'iife',
  jsx: 'automatic',
  conditions: ['rill-source'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'error',
});
const styles = readFileSync(`${here}../../packages/ui/src/styles.css`, 'utf8');

const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.setContent(`<style>${styles}</style><div id="root"></div>`);
  await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
  const size = 2 ** 20;
  const ends = [4, 160, 1024];
  console.log(
    `@rill/ui Markdown in Chromium, one block growing in 64-character updates, laid out after each: ms per KiB appended at ${ends.map((end) => `${end} KiB`).join(', ')}:`,
  );
  for (const [name, doc] of [
    ['paragraph', longParagraph(size)],
    ['code fence', longFence(size)],
  ] as const) {
    const figures: number[] = [];
    for (const end of ends) {
      const to = Math.min(end * 1024, doc.length);
      const runs: number[] = [];
      for (let run = 0; run < 3; run++)
        runs.push(
          await page.evaluate(([text, from, until]) => window.grow(text, from, until, 64), [
            doc,
            to - 1024,
            to,
          ] as const),
        );
      figures.push(median(runs));
    }
    console.log(
      `  ${name.padEnd(12)} ${figures.map((ms) => ms.toFixed(1).padStart(9)).join('')}   growth ${((figures.at(-1) ?? NaN) / (figures[0] ?? NaN)).toFixed(1)}x`,
    );
  }
} finally {
  await browser.close();
}
