import { createSSEDecoder, RillError, type RillErrorValue } from '@rill/core';
import type { EventLog, LogEvent, RunEnd, RunWriter } from '../log/event-log.js';

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
const SHUT_DOWN: RunEnd = {
  status: 'interrupted',
  error: { kind: 'interrupted', message: 'The relay shut down before the answer was complete', retryable: true },
};

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
  const tooLong: RunEnd = {
    status: 'interrupted',
    error: {
      kind: 'interrupted',
      message: `The answer took longer than the relay allows (${maxDurationMs} ms)`,
      retryable: false,
    },
  };
  const timer = setTimeout(() => upstream.abort(tooLong), maxDurationMs);
  timer.unref?.();
  const onStop = (): void => upstream.abort(STOPPED);
  if (writer.signal.aborted) onStop();
  else writer.signal.addEventListener('abort', onStop, { once: true });
  let markEnded = (): void => undefined;
  const ended = new Promise<void>((resolve) => (markEnded = resolve));

  // Only this module aborts `upstream`, always with the run's end as the reason.
  const abortedEnd = (): RunEnd | undefined =>
    upstream.signal.aborted ? (upstream.signal.reason as RunEnd) : undefined;

  const finish = async (end: RunEnd): Promise<void> => {
    clearTimeout(timer);
    writer.signal.removeEventListener('abort', onStop);
    try {
      await writer.end(end);
    } catch (error) {
      onError?.(
        new RillError(
          {
            kind: 'network',
            message: `The event log could not end run ${runId}: ${messageOf(error)}`,
            retryable: true,
          },
          { cause: error },
        ),
        runId,
      );
    }
    running.delete(runId);
    markEnded();
  };

  // Each upstream read is decoded and appended as one batch: one log write and one wake-up per read, not per event.
  const copy = async (response: Response): Promise<RunEnd> => {
    const reader = response.body?.getReader();
    if (reader === undefined) return DONE;
    const batch: LogEvent[] = [];
    const decoder = createSSEDecoder({ onEvent: ({ event, data }) => void batch.push({ event, data }) });
    const cancel = (): void => void reader.cancel().catch(() => undefined);
    upstream.signal.addEventListener('abort', cancel, { once: true });
    try {
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          return (
            abortedEnd() ?? {
              status: 'interrupted',
              error: {
                kind: 'interrupted',
                message: `The connection to the provider broke: ${messageOf(error)}`,
                retryable: true,
              },
            }
          );
        }
        if (upstream.signal.aborted) return abortedEnd() ?? DONE;
        try {
          if (chunk.done) decoder.end();
          else decoder.push(chunk.value);
        } catch (error) {
          // A line or event over the decoder's caps: what came before it is kept.
          upstream.abort({
            status: 'error',
            error:
              error instanceof RillError
                ? error.toValue()
                : { kind: 'malformed-event', message: messageOf(error), retryable: false },
          } satisfies RunEnd);
          return abortedEnd() ?? DONE;
        }
        if (batch.length > 0) {
          try {
            await writer.append(batch.splice(0));
          } catch (cause) {
            const error = new RillError(
              { kind: 'network', message: `The event log failed: ${messageOf(cause)}`, retryable: true },
              { cause },
            );
            onError?.(error, runId);
            upstream.abort({ status: 'error', error: error.toValue() } satisfies RunEnd);
            return abortedEnd() ?? DONE;
          }
        }
        if (chunk.done) return abortedEnd() ?? DONE;
      }
    } finally {
      upstream.signal.removeEventListener('abort', cancel);
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
