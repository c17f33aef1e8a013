// What the runner reads from Chromium around a page's own measurements: main-thread time and heap
// (CDP Performance, HeapProfiler) and the main thread's tasks by CPU time (a 'toplevel' trace).
import type { Browser, CDPSession, Page } from '@playwright/test';

/** Main-thread time (thread CPU time, so other processes' load does not count) and heap over a span. */
export interface Readings {
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  heapBeforeMiB: number;
  heapAfterMiB: number;
  /** Main-thread tasks that ran over 50 ms of CPU time: Chromium's own work for the page, preemption left out. */
  cpuLongTasks: number;
  longestCpuTaskMs: number;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

async function heapAfterGC(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return ((await metrics(cdp))['JSHeapUsedSize'] ?? NaN) / 2 ** 20;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** The CPU time (ms) of every task the page's main thread ran, from a trace of the 'toplevel' category. */
function mainThreadTaskCpuMs(trace: Buffer): number[] {
  const parsed = JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mains = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, number[]>();
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || !mains.has(thread)) continue;
    byThread.set(thread, [...(byThread.get(thread) ?? []), (e.tdur ?? e.dur ?? 0) / 1000]);
  }
  // Other renderers (a blank page) are idle: the page's main thread is the one that worked most.
  const total = (tasks: number[]) => tasks.reduce((a, b) => a + b, 0);
  return [...byThread.values()].sort((a, b) => total(b) - total(a))[0] ?? [];
}

/**
 * Runs `span` (something the page does, awaited through `page.evaluate`) and reads what it cost the
 * main thread: CDP's task, script and style+layout durations (thread time), the heap after a GC
 * before and after, and the tasks a Chromium trace saw use more than 50 ms of CPU.
 *
 * @example const { result, readings } = await read(browser, page, () => page.evaluate(() => window.runBench()));
 */
export async function read<T>(
  browser: Browser,
  page: Page,
  span: () => Promise<T>,
): Promise<{ result: T; readings: Readings }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await cdp.send('HeapProfiler.enable');
  const heapBeforeMiB = await heapAfterGC(cdp);
  const before = await metrics(cdp);
  await browser.startTracing(page, { categories: ['toplevel'] });
  const result = await span();
  const tasks = mainThreadTaskCpuMs(await browser.stopTracing());
  const after = await metrics(cdp);
  const heapAfterMiB = await heapAfterGC(cdp);
  await cdp.detach();
  const delta = (name: string) => ((after[name] ?? NaN) - (before[name] ?? NaN)) * 1000;
  return {
    result,
    readings: {
      taskMs: delta('TaskDuration'),
      scriptMs: delta('ScriptDuration'),
      layoutMs: delta('LayoutDuration') + delta('RecalcStyleDuration'),
      heapBeforeMiB,
      heapAfterMiB,
      cpuLongTasks: tasks.filter((ms) => ms > 50).length,
      longestCpuTaskMs: Math.max(0, ...tasks),
    },
  };
}
