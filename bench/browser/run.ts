// `pnpm bench:browser [--seconds 20] [--rate 2000]`: builds the perf page, then in Chromium streams
// `rate` tokens/s for `seconds` into a Conversation three ways (Rill useChat, a naive setState per
// token, @ai-sdk/react useChat) and prints commits per frame, long tasks, main-thread time per
// 1,000 tokens and heap growth, with ratios and the targets.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { chromiumLaunchOptions } from '../../vite.config.js';
import type { PageResult } from './src/main.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '20' }, rate: { type: 'string', default: '2000' } } });
const seconds = Number(values.seconds);
const rate = Number(values.rate);
const configFile = new URL('vite.config.ts', import.meta.url).pathname;

interface Row extends PageResult {
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  heapGrowthMiB: number;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

async function heapAfterGC(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await metrics(cdp))['JSHeapUsedSize'] ?? NaN;
}

async function measure(page: Page, url: string): Promise<Row> {
  await page.goto(url);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await cdp.send('HeapProfiler.enable');
  const heapBefore = await heapAfterGC(cdp);
  const before = await metrics(cdp);
  const result = await page.evaluate(() => window.runBench());
  const after = await metrics(cdp);
  const heapAfter = await heapAfterGC(cdp);
  const delta = (name: string) => ((after[name] ?? NaN) - (before[name] ?? NaN)) * 1000;
  return {
    ...result,
    taskMs: delta('TaskDuration'),
    scriptMs: delta('ScriptDuration'),
    layoutMs: delta('LayoutDuration') + delta('RecalcStyleDuration'),
    heapGrowthMiB: (heapAfter - heapBefore) / 2 ** 20,
  };
}

console.log(`building the perf page (vite, production React with profiling)…`);
await build({ configFile });
const server = await preview({ configFile, preview: { host: '127.0.0.1', port: 0 } });
const origin = server.resolvedUrls?.local[0] ?? '';
const browser = await chromium.launch(chromiumLaunchOptions);
const names = { rill: 'Rill useChat', naive: 'naive setState/token', 'ai-sdk': '@ai-sdk/react useChat' } as const;
const rows: Partial<Record<keyof typeof names, Row>> = {};
try {
  for (const variant of Object.keys(names) as (keyof typeof names)[]) {
    console.log(`streaming ${rate} tokens/s for ${seconds} s: ${names[variant]}…`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    rows[variant] = await measure(await context.newPage(), `${origin}?variant=${variant}&rate=${rate}&seconds=${seconds}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const per1k = (row: Row, ms: number) => (ms * 1000) / row.tokens;
const fmt = (n: number, digits = 1) => n.toFixed(digits);
const header = ['variant', 'commits', 'frames', 'commits/frame', 'max/frame (streaming)', 'frames >1 commit', 'long tasks', 'longest ms', 'main-thread ms/1k tok', 'script ms/1k', 'style+layout ms/1k', 'heap growth MiB', 'complete'];
const table = (Object.keys(names) as (keyof typeof names)[]).map((variant) => {
  const r = rows[variant] as Row;
  return [names[variant], String(r.commits), String(r.frames), fmt(r.commits / r.frames, 2), String(r.maxCommitsPerFrame), String(r.framesOverOneCommit), String(r.longTasks), fmt(r.longestTaskMs, 0), fmt(per1k(r, r.taskMs)), fmt(per1k(r, r.scriptMs)), fmt(per1k(r, r.layoutMs)), fmt(r.heapGrowthMiB, 2), r.complete ? 'yes' : 'NO'];
});
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (row[i] ?? '').length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
// Long tasks and frame counts are wall-clock: on a loaded machine the renderer is preempted and both get worse.
console.log(`\n${rate} tokens/s for ${seconds} s (${rate * seconds} tokens), Chromium ${browser.version()}, 1280x800, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}:\n`);
console.log(line(header));
console.log(`|${widths.map((w, i) => (i === 0 ? ':' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|')}|`);
for (const row of table) console.log(line(row));

const rill = rows.rill as Row;
const naive = rows.naive as Row;
const aiSdk = rows['ai-sdk'] as Row;
console.log('\nratios (other / Rill):');
for (const [name, other] of [['naive setState/token', naive], ['@ai-sdk/react useChat', aiSdk]] as const) {
  console.log(`  ${name.padEnd(22)} ${fmt(other.commits / rill.commits)}x the commits, ${fmt(other.taskMs / rill.taskMs, 2)}x the main-thread time, ${fmt(other.scriptMs / rill.scriptMs, 2)}x the script time`);
}
const targets = [
  ['at most one commit per frame', rill.maxCommitsPerFrame <= 1],
  ['no long task over 50 ms', rill.longTasks === 0],
  ['less main-thread time per token than both others', rill.taskMs < naive.taskMs && rill.taskMs < aiSdk.taskMs],
  ['every variant showed the whole answer', rill.complete && naive.complete && aiSdk.complete],
] as const;
console.log('\ntargets (Rill):');
for (const [what, met] of targets) console.log(`  ${met ? 'met   ' : 'MISSED'} ${what}`);
process.exit(targets.every(([, met]) => met) ? 0 : 1);
