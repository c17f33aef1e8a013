import { RillError } from '@rill/core';
import {
  endEvent,
  type EventLog,
  type LogEntry,
  type LogEvent,
  type RunEnd,
  type RunLookup,
  type RunWriter,
} from './event-log.js';

/** Bounds of the in-memory log. */
export interface MemoryEventLogOptions {
  /** Runs kept at once, live and ended (default 2,000); when full, the oldest ended run is dropped first. */
  maxRuns?: number;
  /** Characters of events kept per run (default 4 Mi); past it the oldest events go, and a resume from before them gets 410. */
  maxRunChars?: number;
  /** How long an ended run can still be resumed (default 10 minutes). */
  endedTtlMs?: number;
}

interface MemoryRun {
  principal: string;
  entries: LogEntry[];
  /** Sequence number of entries[0]; ids are sequence numbers, 0 being the start. */
  firstSeq: number;
  nextSeq: number;
  chars: number;
  end?: RunEnd;
  stop: AbortController;
  waiters: Set<() => void>;
}

const START = '0';
// Per-entry overhead counted against maxRunChars, so a run of tiny events is bounded too.
const ENTRY_OVERHEAD = 32;

const fellBehind = (): RillError =>
  new RillError({
    kind: 'interrupted',
    message: 'This follower fell behind the events the relay keeps for the run',
    retryable: true,
  });

/**
 * The default event log: runs in this process's memory, bounded by run count, characters per run
 * and a TTL after the end. Expired or dropped runs are remembered (by count) so a resume of one
 * gets 410, not 404.
 *
 * @example
 * const relay = createRelay({ provider: 'anthropic', authorize, log: createMemoryEventLog({ maxRuns: 500 }) });
 */
export function createMemoryEventLog(options: MemoryEventLogOptions = {}): EventLog {
  const { maxRuns = 2_000, maxRunChars = 4 * 2 ** 20, endedTtlMs = 10 * 60_000 } = options;
  const runs = new Map<string, MemoryRun>();
  const gone = new Map<string, string>(); // run id -> principal, for runs that expired or were dropped
  const expiries = new Map<string, ReturnType<typeof setTimeout>>();

  const forget = (runId: string, run: MemoryRun): void => {
    runs.delete(runId);
    clearTimeout(expiries.get(runId));
    expiries.delete(runId);
    gone.set(runId, run.principal);
    if (gone.size > maxRuns) gone.delete(gone.keys().next().value as string);
  };

  const push = (run: MemoryRun, events: readonly LogEvent[]): void => {
    for (const { event, data } of events) {
      run.entries.push({ id: String(run.nextSeq), event, data });
      run.nextSeq += 1;
      run.chars += event.length + data.length + ENTRY_OVERHEAD;
    }
    if (run.chars > maxRunChars) {
      // Down to three quarters at once, so trimming costs O(1) per append on average.
      let drop = 0;
      while (run.chars > maxRunChars * 0.75 && drop < run.entries.length - 1) {
        const entry = run.entries[drop++] as LogEntry;
        run.chars -= entry.event.length + entry.data.length + ENTRY_OVERHEAD;
      }
      run.entries.splice(0, drop);
      run.firstSeq += drop;
    }
    for (const wake of run.waiters) wake();
    run.waiters.clear();
  };

  const writer = (runId: string, run: MemoryRun): RunWriter => ({
    signal: run.stop.signal,
    append: async (events) => {
      if (run.end === undefined) push(run, events);
    },
    end: async (end) => {
      if (run.end !== undefined) return;
      push(run, [endEvent(end)]);
      run.end = end;
      const timer = setTimeout(() => forget(runId, run), endedTtlMs);
      timer.unref?.();
      expiries.set(runId, timer);
    },
  });

  async function* follow(run: MemoryRun, after: number, signal: AbortSignal): AsyncGenerator<LogEntry[]> {
    let next = after + 1;
    let wake: (() => void) | undefined;
    const onAbort = (): void => wake?.();
    signal.addEventListener('abort', onAbort);
    try {
      while (!signal.aborted) {
        if (next < run.firstSeq) throw fellBehind();
        const from = next - run.firstSeq;
        if (from < run.entries.length) {
          next = run.nextSeq;
          yield run.entries.slice(from);
        } else if (run.end !== undefined) {
          return;
        } else {
          await new Promise<void>((resolve) => {
            wake = resolve;
            run.waiters.add(resolve);
          });
          if (wake !== undefined) run.waiters.delete(wake);
        }
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      if (wake !== undefined) run.waiters.delete(wake);
    }
  }

  return {
    start: START,
    open: async (runId, principal) => {
      if (runs.size >= maxRuns) {
        const ended = [...runs].find(([, run]) => run.end !== undefined);
        if (ended === undefined) return { refused: 'full' };
        forget(...ended);
      }
      const run: MemoryRun = {
        principal,
        entries: [],
        firstSeq: 1,
        nextSeq: 1,
        chars: 0,
        stop: new AbortController(),
        waiters: new Set(),
      };
      runs.set(runId, run);
      return writer(runId, run);
    },
    lookup: async (runId): Promise<RunLookup> => {
      const run = runs.get(runId);
      if (run !== undefined)
        return run.end === undefined
          ? { state: 'live', principal: run.principal }
          : { state: 'ended', principal: run.principal, end: run.end };
      const principal = gone.get(runId);
      return principal === undefined ? { state: 'unknown' } : { state: 'expired', principal };
    },
    follow: async (runId, after, signal) => {
      const run = runs.get(runId);
      if (run === undefined) return { refused: gone.has(runId) ? 'expired' : 'unknown-run' };
      const seq = /^\d{1,15}$/.test(after) ? Number(after) : Number.NaN;
      if (!(seq < run.nextSeq)) return { refused: 'unknown-position' };
      if (seq < run.firstSeq - 1) return { refused: 'trimmed' };
      return follow(run, seq, signal);
    },
    stop: async (runId) => {
      const run = runs.get(runId);
      if (run?.end === undefined) run?.stop.abort('stop');
    },
    close: async () => {
      for (const timer of expiries.values()) clearTimeout(timer);
      expiries.clear();
    },
  };
}
