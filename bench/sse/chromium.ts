// Runs the SSE contenders in Debian's Chromium (its TextDecoder, its JIT): bundles browser-page.ts
// with esbuild, loads it into a blank page and times each pass by the main thread's CPU time (CDP).
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { chromiumLaunchOptions } from '../../vite.config.js';
import { measure, type Measured } from './measure.js';

const entry = fileURLToPath(new URL('browser-page.ts', import.meta.url));

/** A Chromium page with the contenders loaded, and how to time one pass there. */
export interface ChromiumBench {
  version: string;
  /** Cuts the stream into `size`-byte chunks in the page; false if rill and eventsource-parser disagree on its events. */
  prepare(bytes: number, size: number): Promise<boolean>;
  /** Times every contender `runs` times in the page (CPU time of the page's main thread). */
  measure(names: readonly string[], runs: number): Promise<Measured>;
  close(): Promise<void>;
}

async function threadMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN) * 1000;
}

async function timed(page: Page, cdp: CDPSession, name: string): Promise<number> {
  const before = await threadMs(cdp);
  await page.evaluate((contender) => window.sseBench.run(contender), name);
  return (await threadMs(cdp)) - before;
}

/**
 * Launches Chromium with the bench page.
 *
 * @example const page = await openChromiumBench(); await page.prepare(20e6, 4096); await page.measure(['rill', 'raw'], 9);
 */
export async function openChromiumBench(): Promise<ChromiumBench> {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    conditions: ['rill-source'],
    write: false,
    logLevel: 'silent',
  });
  const browser: Browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage();
  await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
  const cdp = await page.context().newCDPSession(page);
  // Thread time: the page's main thread's CPU, so other processes' load does not count.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return {
    version: browser.version(),
    prepare: (bytes, size) => page.evaluate(([b, s]) => window.sseBench.prepare(b, s), [bytes, size] as const),
    measure: (names, runs) => measure(names, (name) => timed(page, cdp, name), runs),
    close: () => browser.close(),
  };
}
