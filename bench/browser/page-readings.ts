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
  /** Main-thread tasks (top-level trace events) that ran over 50 ms of CPU time: Chromium's own work for the page, preemption left out. */
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
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

// The mark the runner places between the phases of one reading (performance.mark, traced as blink.user_timing).
const PHASE_MARK = 'rill-bench-phase';

/**
 * The tasks the page's main thread ran, by phase: their CPU time (ms), split at the `PHASE_MARK` marks of a trace of
 * the 'toplevel' and 'blink.user_timing' categories.
 */
function mainThreadTaskCpuMs(trace: Buffer, phases: number): number[][] {
  const parsed = JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mains = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  // A task is a complete event no other one on its thread encloses: RunTask mostly, but also the microtask checkpoint
  // Blink runs on its own after a module script or a dynamic import() evaluates, which no RunTask encloses.
  const byThread = new Map<string, TraceEvent[]>();
  const sorted = events
    .filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const openUntil = new Map<string, number>();
  for (const e of sorted) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ts < (openUntil.get(thread) ?? -Infinity)) continue;
    openUntil.set(thread, e.ts + (e.dur ?? 0));
    byThread.set(thread, [...(byThread.get(thread) ?? []), e]);
  }
  // Other renderers (a blank page) are idle: the page's main thread is the one that worked most.
  const cpu = (task: TraceEvent) => (task.tdur ?? task.dur ?? 0) / 1000;
  const total = (tasks: TraceEvent[]) => tasks.reduce((sum, task) => sum + cpu(task), 0);
  const tasks = [...byThread.values()].sort((a, b) => total(b) - total(a))[0] ?? [];
  const marks = events
    .filter((e) => e.name === PHASE_MARK)
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  return Array.from({ length: phases }, (_, i) =>
    tasks.filter((t) => (i === 0 || t.ts >= (marks[i - 1] ?? Infinity)) && t.ts < (marks[i] ?? Infinity)).map(cpu),
  );
}

/**
 * Runs `span` (something the page does, awaited through `page.evaluate`), then each of `then` in turn, and reads what
 * each cost the main thread: CDP's task, script and style+layout durations (thread time, read the moment each ends),
 * and the tasks a Chromium trace saw use more than 50 ms of CPU, split between them; the heap after a GC is read before
 * the first and after the last (so every phase reports the same heap).
 *
 * @example const { result, readings } = await read(browser, page, () => page.evaluate(() => window.runBench()));
 */
export async function read<T>(
  browser: Browser,
  page: Page,
  span: () => Promise<T>,
  ...then: (() => Promise<unknown>)[]
): Promise<{ result: T; readings: Readings; later: Readings[] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await cdp.send('HeapProfiler.enable');
  const heapBeforeMiB = await heapAfterGC(cdp);
  const points = [await metrics(cdp)];
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
  const result = await span();
  for (const phase of then) {
    // Read at once: work the page defers past a phase (idle loads) belongs to the next one.
    points.push(await metrics(cdp));
    await page.evaluate((mark) => performance.mark(mark), PHASE_MARK);
    await phase();
  }
  points.push(await metrics(cdp));
  const tasks = mainThreadTaskCpuMs(await browser.stopTracing(), points.length - 1);
  const heapAfterMiB = await heapAfterGC(cdp);
  await cdp.detach();
  const readings = tasks.map((phaseTasks, i): Readings => {
    const delta = (name: string) => ((points[i + 1]?.[name] ?? NaN) - (points[i]?.[name] ?? NaN)) * 1000;
    return {
      taskMs: delta('TaskDuration'),
      scriptMs: delta('ScriptDuration'),
      layoutMs: delta('LayoutDuration') + delta('RecalcStyleDuration'),
      heapBeforeMiB,
      heapAfterMiB,
      cpuLongTasks: phaseTasks.filter((ms) => ms > 50).length,
      longestCpuTaskMs: Math.max(0, ...phaseTasks),
    };
  });
  const [first, ...later] = readings;
  if (first === undefined) throw new Error('no reading');
  return { result, readings: first, later };
}
