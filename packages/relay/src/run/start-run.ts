import { readSSE, RillError, type RillErrorValue } from '@rill/core';
import type { EventLog, RunEnd, RunWriter } from '../log/event-log.js';

/** What the runs of one relay share. */
export interface RunSupervisor {
  log: EventLog;
  maxDurationMs: number;
  onError: ((error: RillError, runId: string) => void) | undefined;
  /** The runs whose generation this relay runs, by id. */
  running: Map<string, RunHandle>;
}

/** One run's generation, as the relay that runs it sees it. */
export interface RunHandle {
  /** The upstream request's signal: aborted by a stop, the maximum duration or the relay's close. */
  signal: AbortSignal;
  /** The upstream failed before streaming: the run ends `error` (or as it was stopped). */
  fail(error: RillErrorValue): Promise<void>;
  /** Copies the upstream's events into the log in the background, whoever follows; the run then ends. */
  pump(response: Response): void;
  /** Stops the generation with `interrupted` and waits for the run's end to be logged. */
  close(): Promise<void>;
}

const DONE: RunEnd = { status: 'done' };
const STOPPED: RunEnd = { status: 'aborted' };
const SHUT_DOWN: RunEnd = { status: 'interrupted', error: { kind: 'interrupted', message: 'The relay shut down before the answer was complete', retryable: true } };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Starts supervising a run whose writer this relay holds: a stop (from any instance) or the
 * maximum duration aborts the upstream request, and the run always gets its `rill-end`.
 *
 * @example
 * const run = startRun(supervisor, runId, writer);
 * const response = await fetch(url, { ...init, signal: run.signal });
 * run.pump(response);
 */
export function startRun(supervisor: RunSupervisor, runId: string, writer: RunWriter): RunHandle {
  const { maxDurationMs, onError, running } = supervisor;
  const upstream = new AbortController();
  const tooLong: RunEnd = { status: 'interrupted', error: { kind: 'interrupted', message: `The answer took longer than the relay allows (${maxDurationMs} ms)`, retryable: false } };
  const timer = setTimeout(() => upstream.abort(tooLong), maxDurationMs);
  timer.unref?.();
  const onStop = (): void => upstream.abort(STOPPED);
  if (writer.signal.aborted) onStop();
  else writer.signal.addEventListener('abort', onStop, { once: true });
  let markEnded = (): void => undefined;
  const ended = new Promise<void>((resolve) => (markEnded = resolve));

  // Only this module aborts `upstream`, always with the run's end as the reason.
  const abortedEnd = (): RunEnd | undefined => (upstream.signal.aborted ? (upstream.signal.reason as RunEnd) : undefined);

  const finish = async (end: RunEnd): Promise<void> => {
    clearTimeout(timer);
    writer.signal.removeEventListener('abort', onStop);
    try {
      await writer.end(end);
    } catch (error) {
      onError?.(new RillError({ kind: 'network', message: `The event log could not end run ${runId}: ${messageOf(error)}`, retryable: true }, { cause: error }), runId);
    }
    running.delete(runId);
    markEnded();
  };

  const copy = async (response: Response): Promise<RunEnd> => {
    try {
      for await (const event of readSSE(response, { signal: upstream.signal })) {
        try {
          await writer.append({ event: event.event, data: event.data });
        } catch (cause) {
          const error = new RillError({ kind: 'network', message: `The event log failed: ${messageOf(cause)}`, retryable: true }, { cause });
          onError?.(error, runId);
          upstream.abort({ status: 'error', error: error.toValue() } satisfies RunEnd);
          break;
        }
      }
      return abortedEnd() ?? DONE;
    } catch (error) {
      return abortedEnd() ?? { status: 'interrupted', error: { kind: 'interrupted', message: `The connection to the provider broke: ${messageOf(error)}`, retryable: true } };
    }
  };

  const handle: RunHandle = {
    signal: upstream.signal,
    fail: (error) => finish(abortedEnd() ?? { status: 'error', error }),
    pump: (response) => void copy(response).then(finish),
    close: async () => {
      upstream.abort(SHUT_DOWN);
      await ended;
    },
  };
  running.set(runId, handle);
  return handle;
}
