// `pnpm bench:browser [--seconds 20] [--rate 2000] [--runs 1] [--scenario streaming|history|all]
// [--counts 10,100,1000] [--history-seconds 5] [--content prose|code] [--highlight on|off]`: builds the perf page, then in Chromium
// - streaming: streams `rate` tokens/s for `seconds` into a Conversation three ways (Rill useChat, a
//   naive setState per token, @ai-sdk/react useChat) and prints commits per frame, long tasks,
//   main-thread time per 1,000 tokens and heap growth, with ratios and the targets;
// - history: restores a conversation of each of `counts` messages (Rill's useChat + MessageView, or
//   @ai-sdk/react with react-markdown), then streams one answer after it, and prints the first
//   render, the new answer's main-thread time per 1,000 tokens, long tasks and heap, per length.
// The answer is prose, or with `--content code` one TypeScript block streamed to its end (Rill highlights it as it
// grows, as the others render it through the same MessageView; `--highlight off` shows it plain). Every figure is the median of `runs` (variants interleaved); long tasks are
// counted over all runs.
// Wall-clock figures (first commit and paint, PerformanceObserver's long tasks) grow with the machine's
// load, as the renderer waits for a core; CPU figures (CDP thread time, trace task times) do not.
// RILL_BENCH_TINY=1 runs one short pass of each (a smoke test: tables printed, no target enforced).
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { build, preview } from 'vite';
import { chromiumLaunchOptions } from '../../vite.config.js';
import { median } from '../median.js';
import type { RestoreResult } from './src/history/history-page.js';
import type { PageResult } from './src/main.js';
import { read, type Readings } from './page-readings.js';
import { printTable } from './print-table.js';

const tiny = process.env.RILL_BENCH_TINY === '1';
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: tiny ? '1' : '20' },
    rate: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '1' },
    scenario: { type: 'string', default: 'all' },
    counts: { type: 'string', default: tiny ? '10,100' : '10,100,1000' },
    'history-seconds': { type: 'string', default: tiny ? '1' : '5' },
    content: { type: 'string', default: 'prose' },
    highlight: { type: 'string', default: 'on' },
  },
});
const seconds = Number(values.seconds);
const rate = Number(values.rate);
const runs = Number(values.runs);
const counts = values.counts.split(',').map(Number);
const historySeconds = Number(values['history-seconds']);
const content = values.content === 'code' ? 'code' : 'prose';
const highlight = values.highlight === 'off' ? 'off' : 'on';
const scenarios = values.scenario === 'all' ? ['streaming', 'history'] : [values.scenario];
const configFile = new URL('vite.config.ts', import.meta.url).pathname;

type Streamed = PageResult & Readings;
type Restored = Streamed & { restore: RestoreResult; restoreReadings: Readings; settleReadings: Readings };

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const whole = (n: number) => fmt(n, 0);
const per1k = (r: Streamed, ms: number) => (ms * 1000) / r.tokens;
/** The median of one figure over the runs. */
const mid = <R>(list: R[], pick: (r: R) => number) => median(list.map(pick));
const sum = <R>(list: R[], pick: (r: R) => number) => list.reduce((total, r) => total + pick(r), 0);
const worst = <R>(list: R[], pick: (r: R) => number) => Math.max(0, ...list.map(pick));

// The columns both tables give the streamed answer: its cost per 1,000 tokens, long tasks, heap growth, completeness.
const answerHeader = [
  'main-thread ms/1k tok',
  'script ms/1k',
  'style+layout ms/1k',
  'long tasks (wall)',
  'longest wall ms',
  'long tasks (CPU)',
  'longest CPU ms',
  'heap growth MiB',
  'complete',
];
const answerColumns = (r: Streamed[]): string[] => [
  fmt(mid(r, (x) => per1k(x, x.taskMs))),
  fmt(mid(r, (x) => per1k(x, x.scriptMs))),
  fmt(mid(r, (x) => per1k(x, x.layoutMs))),
  whole(sum(r, (x) => x.longTasks)),
  whole(worst(r, (x) => x.longestTaskMs)),
  whole(sum(r, (x) => x.cpuLongTasks)),
  whole(worst(r, (x) => x.longestCpuTaskMs)),
  fmt(
    mid(r, (x) => x.heapAfterMiB - x.heapBeforeMiB),
    2,
  ),
  r.every((x) => x.complete) ? 'yes' : 'NO',
];

async function streamingRun(browser: Browser, origin: string, variant: string): Promise<Streamed> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(
    `${origin}?variant=${variant}&rate=${rate}&seconds=${seconds}&content=${content}&highlight=${highlight}`,
  );
  const { result, readings } = await read(browser, page, () => page.evaluate(() => window.runBench()));
  await context.close();
  return { ...result, ...readings };
}

async function historyRun(browser: Browser, origin: string, variant: string, count: number): Promise<Restored> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(
    `${origin}?scenario=history&variant=${variant}&count=${count}&rate=${rate}&seconds=${historySeconds}&content=${content}&highlight=${highlight}`,
  );
  // Then idle a second, as a user reads before asking, measured on its own: work deferred past the paint (lazy loads,
  // highlighting, effects) lands there, and must not make long tasks either.
  const restored = await read(
    browser,
    page,
    () => page.evaluate(() => window.restoreHistory()),
    () => page.waitForTimeout(1000),
  );
  const settled = restored.later[0] ?? restored.readings;
  const { result, readings } = await read(browser, page, () => page.evaluate(() => window.runBench()));
  await context.close();
  return {
    ...result,
    ...readings,
    restore: restored.result,
    restoreReadings: restored.readings,
    settleReadings: settled,
  };
}

const streamingNames = {
  rill: 'Rill useChat',
  naive: 'naive setState/token',
  'ai-sdk': '@ai-sdk/react useChat',
} as const;
const historyNames = { rill: 'Rill useChat + MessageView', 'ai-sdk': '@ai-sdk/react + react-markdown' } as const;

function reportStreaming(rows: Record<keyof typeof streamingNames, Streamed[]>): boolean {
  const header = [
    'variant',
    'commits',
    'frames',
    'commits/frame',
    'max/frame (streaming)',
    'frames >1 commit',
    ...answerHeader,
  ];
  const table = (Object.keys(streamingNames) as (keyof typeof streamingNames)[]).map((variant) => {
    const r = rows[variant];
    return [
      streamingNames[variant],
      whole(mid(r, (x) => x.commits)),
      whole(mid(r, (x) => x.frames)),
      fmt(
        mid(r, (x) => x.commits / x.frames),
        2,
      ),
      whole(worst(r, (x) => x.maxCommitsPerFrame)),
      whole(mid(r, (x) => x.framesOverOneCommit)),
      ...answerColumns(r),
    ];
  });
  console.log(
    `\nstreaming ${content} (highlighting ${highlight}): ${rate} tokens/s for ${seconds} s (${rate * seconds} tokens), ${runs} run(s), load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}:\n`,
  );
  printTable(header, table);
  const time = (r: Streamed[], pick: (x: Streamed) => number) => mid(r, (x) => per1k(x, pick(x)));
  console.log('\nratios (other / Rill):');
  for (const variant of ['naive', 'ai-sdk'] as const) {
    const [rill, other] = [rows.rill, rows[variant]];
    console.log(
      `  ${streamingNames[variant].padEnd(22)} ${fmt(mid(other, (x) => x.commits) / mid(rill, (x) => x.commits))}x the commits, ${fmt(time(other, (x) => x.taskMs) / time(rill, (x) => x.taskMs), 2)}x the main-thread time, ${fmt(time(other, (x) => x.scriptMs) / time(rill, (x) => x.scriptMs), 2)}x the script time`,
    );
  }
  const rill = rows.rill;
  return targets('streaming (Rill)', [
    ['at most one commit per frame', worst(rill, (x) => x.maxCommitsPerFrame) <= 1],
    ['no task over 50 ms of CPU while streaming and at the end of the answer', sum(rill, (x) => x.cpuLongTasks) === 0],
    [
      'less main-thread time per token than both others',
      time(rill, (x) => x.taskMs) <
        Math.min(
          time(rows.naive, (x) => x.taskMs),
          time(rows['ai-sdk'], (x) => x.taskMs),
        ),
    ],
    ['every variant showed the whole answer', Object.values(rows).every((r) => r.every((x) => x.complete))],
  ]);
}

function reportHistory(rows: Record<keyof typeof historyNames, Map<number, Restored[]>>): boolean {
  const header = [
    'variant',
    'messages',
    'elements',
    'first commit ms',
    'first paint ms',
    'first render CPU ms',
    'first render longest CPU ms',
    'heap after restore+settle MiB',
    'settle CPU ms',
    'settle long tasks (CPU)',
    'settle longest CPU ms',
    ...answerHeader.map((h) => `answer ${h}`),
  ];
  const table: string[][] = [];
  for (const variant of Object.keys(historyNames) as (keyof typeof historyNames)[]) {
    for (const count of counts) {
      const r = rows[variant].get(count) ?? [];
      table.push([
        historyNames[variant],
        String(count),
        whole(mid(r, (x) => x.restore.elements)),
        whole(mid(r, (x) => x.restore.commitMs)),
        whole(mid(r, (x) => x.restore.paintMs)),
        whole(mid(r, (x) => x.restoreReadings.taskMs)),
        whole(worst(r, (x) => x.restoreReadings.longestCpuTaskMs)),
        fmt(
          mid(r, (x) => x.restoreReadings.heapAfterMiB),
          1,
        ),
        whole(mid(r, (x) => x.settleReadings.taskMs)),
        whole(sum(r, (x) => x.settleReadings.cpuLongTasks)),
        whole(worst(r, (x) => x.settleReadings.longestCpuTaskMs)),
        ...answerColumns(r),
      ]);
    }
  }
  console.log(
    `\nlong conversation: restored, then one answer of ${rate} tokens/s for ${historySeconds} s (${rate * historySeconds} tokens), ${runs} run(s), load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}:\n`,
  );
  printTable(header, table);
  const rill = rows.rill;
  const [fewest, most] = [Math.min(...counts), Math.max(...counts)];
  const cost = (count: number) => mid(rill.get(count) ?? [], (x) => per1k(x, x.taskMs));
  console.log(
    `\nRill's per-token cost at ${most} messages: ${fmt(cost(most) / cost(fewest), 2)}x its cost at ${fewest}.`,
  );
  return targets('long conversation (Rill)', [
    [`per-token cost at ${most} messages within 1.2x of the cost at ${fewest}`, cost(most) <= 1.2 * cost(fewest)],
    [
      'no task over 50 ms of CPU when a message is appended and streams',
      counts.every((c) => sum(rill.get(c) ?? [], (x) => x.cpuLongTasks) === 0),
    ],
    [
      'no task over 50 ms of CPU in the second after the restored conversation painted',
      counts.every((c) => sum(rill.get(c) ?? [], (x) => x.settleReadings.cpuLongTasks) === 0),
    ],
    [
      `first render of ${most} messages under 200 ms of main-thread CPU (to its paint)`,
      mid(rill.get(most) ?? [], (x) => x.restoreReadings.taskMs) < 200,
    ],
    [
      'every variant showed the whole answer',
      Object.values(rows).every((m) => [...m.values()].every((r) => r.every((x) => x.complete))),
    ],
  ]);
}

function targets(title: string, list: [string, boolean][]): boolean {
  console.log(`\ntargets, ${title}:`);
  for (const [what, met] of list) console.log(`  ${met ? 'met   ' : 'MISSED'} ${what}`);
  return list.every(([, met]) => met);
}

console.log(`building the perf page (vite, production React with profiling)…`);
await build({ configFile });
const server = await preview({ configFile, preview: { host: '127.0.0.1', port: 0 } });
const origin = server.resolvedUrls?.local[0] ?? '';
const browser = await chromium.launch(chromiumLaunchOptions);
let met = true;
try {
  console.log(
    `Chromium ${browser.version()}, 1280x800; long tasks (wall) are PerformanceObserver's, which a loaded machine inflates (the renderer waits for a core); long tasks (CPU) count main-thread tasks over 50 ms of CPU time in a Chromium trace.`,
  );
  if (scenarios.includes('streaming')) {
    const rows = { rill: [], naive: [], 'ai-sdk': [] } as Record<keyof typeof streamingNames, Streamed[]>;
    for (let run = 0; run < runs; run++) {
      for (const variant of Object.keys(streamingNames) as (keyof typeof streamingNames)[]) {
        console.log(`run ${run + 1}/${runs}: streaming ${rate} tokens/s for ${seconds} s: ${streamingNames[variant]}…`);
        rows[variant].push(await streamingRun(browser, origin, variant));
      }
    }
    met = reportStreaming(rows) && met;
  }
  if (scenarios.includes('history')) {
    const rows = { rill: new Map(), 'ai-sdk': new Map() } as Record<keyof typeof historyNames, Map<number, Restored[]>>;
    for (let run = 0; run < runs; run++) {
      for (const count of counts) {
        for (const variant of Object.keys(historyNames) as (keyof typeof historyNames)[]) {
          console.log(`run ${run + 1}/${runs}: ${count} restored messages, then an answer: ${historyNames[variant]}…`);
          rows[variant].set(count, [
            ...(rows[variant].get(count) ?? []),
            await historyRun(browser, origin, variant, count),
          ]);
        }
      }
    }
    met = reportHistory(rows) && met;
  }
} finally {
  await browser.close();
  await server.close();
}
// A smoke run proves the bench runs and prints its tables; its timings mean nothing.
process.exit(met || tiny ? 0 : 1);
