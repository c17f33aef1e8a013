import { race, type RaceEvent } from '../race/race.js';
import type { CircuitBreaker } from '../race/circuit-breaker.js';
import type { StreamCandidate } from '../race/stream-candidate.js';
import type { Throttle } from './frame-scheduler.js';
import type { StreamState } from './stream-state.js';
import { createStreamStore, type StreamCallbacks } from './stream-store.js';
import { createSnapshotStore } from './subscribable.js';

/** A race's stream state, with what happened in the race as it was when this state was published. */
export interface RaceState extends StreamState {
  /** The candidate whose stream is shown, once decided. */
  winner?: string;
  /** The race so far, in order (starts, fallbacks, failures, the winner, aborted losers). */
  events: readonly RaceEvent[];
}

export interface RaceStoreOptions extends Omit<StreamCallbacks, 'onFinish'> {
  candidates: readonly StreamCandidate[];
  ttftTimeoutMs: number;
  breaker?: CircuitBreaker | undefined;
  /** Notify at most once per animation frame (default) or once per this many ms. */
  throttle?: Throttle | undefined;
  /** The race ended; `state` is the final snapshot, with its events. */
  onFinish?: ((state: RaceState) => void) | undefined;
}

/** A race for the first token, subscribable: the winner streams in as a stream store's would. */
export interface RaceStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): RaceState;
  /** Starts a race of the current candidates (a running one is aborted silently). */
  start(): void;
  /** Aborts the race: final status `aborted`. */
  stop(): void;
  /** Replaces the options; the next `start()` races the new candidates, callbacks apply at once. */
  setOptions(options: RaceStoreOptions): void;
  /** Aborts the race without callbacks or notifications (an unmount). */
  dispose(): void;
}

const withEvents = (state: StreamState, events: readonly RaceEvent[]): RaceState => {
  const winner = events.find((e) => e.type === 'winner')?.id;
  return { ...state, events, ...(winner !== undefined && { winner }) };
};

/**
 * Creates a race store: core's `race` run through a stream store, each snapshot carrying the race's
 * events as they were when it was published (never newer than the state shown).
 *
 * @example
 * const store = createRaceStore({ candidates: [model('primary'), model('backup')], ttftTimeoutMs: 1500, breaker });
 * store.subscribe(() => render(store.getSnapshot()));
 * store.start();
 */
export function createRaceStore(initial: RaceStoreOptions): RaceStore {
  let options = initial;
  let events: readonly RaceEvent[] = [];
  const stream = createStreamStore({
    source: ({ signal }) => {
      events = [];
      const { candidates, ttftTimeoutMs, breaker } = options;
      return race(candidates, {
        ttftTimeoutMs,
        signal,
        ...(breaker !== undefined && { breaker }),
        onEvent: (event) => (events = [...events, event]),
      });
    },
    ...(initial.throttle !== undefined && { throttle: initial.throttle }),
    onPart: (part) => options.onPart?.(part),
    onError: (error) => options.onError?.(error),
    // Runs after the final state was published, so the snapshot already carries it.
    onFinish: () => options.onFinish?.(kernel.getSnapshot()),
  });
  const kernel = createSnapshotStore(withEvents(stream.getSnapshot(), []));
  stream.subscribe(() => {
    const state = stream.getSnapshot();
    // `connecting` is only ever published as a run starts, before its race has logged anything.
    kernel.publish(withEvents(state, state.status === 'idle' || state.status === 'connecting' ? [] : events));
  });
  return {
    subscribe: kernel.subscribe,
    getSnapshot: kernel.getSnapshot,
    start: () => stream.start(),
    stop: stream.stop,
    setOptions(next) {
      options = next;
    },
    dispose: stream.dispose,
  };
}
