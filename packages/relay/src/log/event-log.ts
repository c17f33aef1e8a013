import type { RillErrorValue } from '@rill/core';

/** How a run ended, as its `rill-end` event says (docs/resumable-runs.md). */
export type RunStatus = 'done' | 'aborted' | 'error' | 'interrupted';

/** The data of a run's `rill-end` event. */
export interface RunEnd {
  status: RunStatus;
  error?: RillErrorValue;
}

/** One event of a run: the SSE event name ("message" when the provider sent none) and its data. */
export interface LogEvent {
  event: string;
  data: string;
}

/** A logged event with the id the log gave it (opaque, printable ASCII). */
export interface LogEntry extends LogEvent {
  id: string;
}

/** What the log knows of a run id. */
export type RunLookup =
  | { state: 'unknown' }
  | { state: 'expired'; principal: string }
  | { state: 'live'; principal: string }
  | { state: 'ended'; principal: string; end: RunEnd };

/** Why a follow cannot start: the run is gone, or the id to start after is not one of its events (any more). */
export type FollowRefusal = 'unknown-run' | 'expired' | 'unknown-position' | 'trimmed';

/** A run's writer, held by the instance that runs its upstream generation. */
export interface RunWriter {
  /** Aborts when the generation must stop: a stop request reached the run (from any instance), or the run was ended elsewhere. */
  readonly signal: AbortSignal;
  /** Appends provider events in order (those one upstream read carried: one write, one wake-up for followers). */
  append(events: readonly LogEvent[]): Promise<void>;
  /** Appends the `rill-end` event, starts the expiry and gives up the lease; a run ended elsewhere stays as it is. */
  end(end: RunEnd): Promise<void>;
}

/**
 * Where a run's events live between the instance that generates them and every follower: the
 * first POST, resumes with `Last-Event-ID`, a reloaded page, a second tab. Implemented in memory
 * (one process) and on Redis Streams (several instances; a writer holds a lease it renews, and a
 * run whose writer stops renewing ends `interrupted` for its followers).
 */
export interface EventLog {
  /** The position before any run's first event: following after it gives the whole run. */
  readonly start: string;
  /** Starts a run owned by `principal`; `full` when the log holds as many runs as it may. */
  open(runId: string, principal: string): Promise<RunWriter | { refused: 'full' }>;
  /** Who owns a run and whether it still runs. */
  lookup(runId: string): Promise<RunLookup>;
  /**
   * The run's events after `after` (a logged id, or `start`) in batches, then live ones
   * until its `rill-end` (included). The iteration ends early when `signal` aborts, and throws
   * when the log can no longer give the next events (the follower should drop the connection).
   */
  follow(
    runId: string,
    after: string,
    signal: AbortSignal,
  ): Promise<AsyncIterable<LogEntry[]> | { refused: FollowRefusal }>;
  /** Asks the run's writer, wherever it is, to stop its generation. */
  stop(runId: string): Promise<void>;
  /** Lets go of timers and connections. */
  close(): Promise<void>;
}

/** The name of a run's last event. */
export const END_EVENT = 'rill-end';

/**
 * The `rill-end` event for an end, as the log stores it.
 *
 * @example endEvent({ status: 'done' }); // { event: 'rill-end', data: '{"status":"done"}' }
 */
export function endEvent(end: RunEnd): LogEvent {
  return { event: END_EVENT, data: JSON.stringify(end) };
}
