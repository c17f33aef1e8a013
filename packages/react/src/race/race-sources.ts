import type { BreakerStatus, CircuitBreaker, RaceEvent, StreamState, StreamStore } from '@rill/core';

/** A breaker's states as a `useSyncExternalStore` source: the snapshot is cached until the breaker changes. */
export interface BreakerSource {
  subscribe(listener: () => void): () => void;
  getSnapshot(): Record<string, BreakerStatus>;
}

const EMPTY: Record<string, BreakerStatus> = {};

/**
 * Wraps a circuit breaker (whose `snapshot()` is a fresh object per call) so React sees a stable snapshot.
 *
 * @example const source = breakerSource(breaker); useSyncExternalStore(source.subscribe, source.getSnapshot);
 */
export function breakerSource(breaker: CircuitBreaker | undefined): BreakerSource {
  let snapshot = breaker?.snapshot() ?? EMPTY;
  return {
    subscribe: (listener) =>
      breaker?.subscribe(() => {
        snapshot = breaker.snapshot();
        listener();
      }) ?? (() => undefined),
    getSnapshot: () => snapshot,
  };
}

/** The events of the current race, replaced as a whole on each event so snapshots stay immutable. */
export interface RaceLog {
  clear(): void;
  add(event: RaceEvent): void;
  events(): readonly RaceEvent[];
}

/**
 * Creates an append-only race event log.
 *
 * @example const log = createRaceLog(); race(candidates, { ttftTimeoutMs, onEvent: log.add });
 */
export function createRaceLog(): RaceLog {
  let events: readonly RaceEvent[] = [];
  return {
    clear: () => (events = []),
    add: (event) => (events = [...events, event]),
    events: () => events,
  };
}

/** A stream state with the race events as they were when it was published. */
export interface RaceSnapshot {
  state: StreamState;
  events: readonly RaceEvent[];
}

/** A `useSyncExternalStore` source pairing each store snapshot with the race log of that moment. */
export interface RaceSnapshotSource {
  subscribe(listener: () => void): () => void;
  getSnapshot(): RaceSnapshot;
}

/**
 * Captures the log when the store publishes, so a render never reads events newer than the state
 * it shows (the log changes between frames; the snapshot does not).
 *
 * @example const source = raceSnapshotSource(store, log); const { state, events } = useSyncExternalStore(source.subscribe, source.getSnapshot);
 */
export function raceSnapshotSource(store: StreamStore, log: RaceLog): RaceSnapshotSource {
  let snapshot: RaceSnapshot = { state: store.getSnapshot(), events: [] };
  const capture = (): RaceSnapshot => {
    const state = store.getSnapshot();
    // `connecting` is only ever published as a run starts, before its race has logged anything.
    if (state !== snapshot.state) snapshot = { state, events: state.status === 'idle' || state.status === 'connecting' ? [] : log.events() };
    return snapshot;
  };
  return {
    subscribe: (listener) =>
      store.subscribe(() => {
        capture();
        listener();
      }),
    // Captures too: a publish between render and subscribe must still be seen.
    getSnapshot: capture,
  };
}
