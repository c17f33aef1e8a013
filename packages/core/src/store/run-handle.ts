import type { RunInfo } from '../transport/run-announcement.js';

/**
 * A run a server announced (`rill-run`, docs/resumable-runs.md) as a stream keeps it: enough to
 * stop it, or to re-attach to it after a page reload (`StreamStore.attach`). Plain JSON, so it can
 * be stored as it is.
 */
export interface RunHandle extends RunInfo {
  /** The id of the run's first `rill-run`: the position before its first event. A re-attach reads the run again from here. */
  startId: string;
  /** The id of the last event the stream's message includes (`startId` before the first). */
  lastEventId: string;
}

/**
 * True for a value with a run handle's shape, e.g. one read back from storage.
 *
 * @example if (isRunHandle(saved.run)) store.attach(saved.run, saved.message);
 */
export function isRunHandle(value: unknown): value is RunHandle {
  if (typeof value !== 'object' || value === null) return false;
  const run = value as Record<keyof RunHandle, unknown>;
  return [run.runId, run.resumeUrl, run.stopUrl, run.startId, run.lastEventId].every(
    (field) => typeof field === 'string',
  );
}
