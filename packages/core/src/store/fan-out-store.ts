import { abortedError, endedEarlyError, type RillErrorValue } from '../errors.js';
import { createMessageAccumulator, type MessageAccumulator } from '../message/message-accumulator.js';
import type { Message, StreamPart } from '../message/types.js';
import { createMetricsRecorder, type MetricsRecorder } from '../metrics/metrics-recorder.js';
import type { StreamMetrics } from '../metrics/stream-metrics.js';
import { fanOut } from '../race/fan-out.js';
import { assertUniqueIds, type StreamCandidate } from '../race/stream-candidate.js';
import { reportEnd } from './callbacks.js';
import { createFrameScheduler, type FrameScheduler, type Throttle } from './frame-scheduler.js';
import { messageText } from './stream-state.js';
import { createSnapshotStore } from './subscribable.js';

/** One source of a fan-out: `connecting` until its first part, then the status its message ends with. */
export type FanOutSourceStatus = 'connecting' | 'streaming' | 'done' | 'interrupted' | 'error' | 'aborted';

/** One source's immutable snapshot. */
export interface FanOutSourceState {
  status: FanOutSourceStatus;
  message: Message;
  /** The message's text parts joined. */
  text: string;
  error?: RillErrorValue;
  metrics: StreamMetrics;
}

/** `idle` before `start()`, `streaming` while any source runs, `done` when all ended, `aborted` after `stop()`. */
export type FanOutStatus = 'idle' | 'streaming' | 'done' | 'aborted';

/** One immutable snapshot of a fan-out store; a new object only when something changed. */
export interface FanOutState {
  status: FanOutStatus;
  /** Each candidate's state by id, in the candidates' order (empty before the first `start()`). */
  sources: Readonly<Record<string, FanOutSourceState>>;
}

export interface FanOutStoreOptions {
  candidates: readonly StreamCandidate[];
  /** Notify at most once per animation frame (default) or once per this many ms. */
  throttle?: Throttle | undefined;
  /** Every source ended (or `stop()` was called); `state` is the final snapshot. */
  onFinish?: ((state: FanOutState) => void) | undefined;
}

/** Several streams at once, subscribable: the state React (or anything) renders side by side. */
export interface FanOutStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): FanOutState;
  /** Starts every candidate (aborting a running fan-out silently); throws a TypeError on duplicate ids. */
  start(): void;
  /** Aborts every source still running; each ends `aborted` at once, finished ones keep their status. */
  stop(): void;
  /** Replaces the options; the next `start()` uses the candidates, `onFinish` applies at once. */
  setOptions(options: FanOutStoreOptions): void;
  /** Aborts the run without callbacks or notifications (an unmount). */
  dispose(): void;
}

interface Source {
  acc: MessageAccumulator;
  metrics: MetricsRecorder;
  started: boolean;
  snapshot?: FanOutSourceState;
}

interface Run {
  controller: AbortController;
  sources: Map<string, Source>;
  dirty: Set<string>;
  status: FanOutStatus;
}

const IDLE: FanOutState = { status: 'idle', sources: {} };
const INTERRUPTED: StreamPart = { type: 'error', error: endedEarlyError().toValue() };

// fanOut says nothing when one stream just stops; this turns an end without terminator into a part.
async function* sealed(parts: AsyncIterable<StreamPart>): AsyncGenerator<StreamPart, void, undefined> {
  let ended = false;
  for await (const part of parts) {
    ended = part.type === 'done' || part.type === 'error';
    yield part;
  }
  if (!ended) yield INTERRUPTED;
}

const sourceSnapshot = (source: Source): FanOutSourceState => {
  const message = source.acc.current();
  const status = message.status === 'streaming' ? (source.started ? 'streaming' : 'connecting') : message.status;
  return {
    status,
    message,
    text: messageText(message),
    ...(message.error !== undefined && { error: message.error }),
    metrics: source.metrics.snapshot(),
  };
};

/**
 * Creates a fan-out store over core's `fanOut`: every candidate streams at once into its own
 * message accumulator, one failing leaves the others running, and subscribers are notified at
 * most once per animation frame for all sources together (the end is published at once).
 *
 * @example
 * const store = createFanOutStore({ candidates: [model('claude'), model('gpt')] });
 * store.subscribe(() => render(store.getSnapshot().sources));
 * store.start();
 */
export function createFanOutStore(initial: FanOutStoreOptions): FanOutStore {
  let options = initial;
  const kernel = createSnapshotStore(IDLE);
  let run: Run | undefined;
  let scheduler: FrameScheduler | undefined;

  // Only sources that changed take a new snapshot: a message snapshot costs O(its parts).
  const snapshot = (current: Run): FanOutState => {
    const sources: Record<string, FanOutSourceState> = {};
    for (const [id, source] of current.sources) {
      if (source.snapshot === undefined || current.dirty.has(id)) source.snapshot = sourceSnapshot(source);
      sources[id] = source.snapshot;
    }
    current.dirty.clear();
    return { status: current.status, sources };
  };

  const publish = (current: Run): void => {
    if (run !== current) return;
    kernel.publish(snapshot(current));
  };

  // Sources still open at the end were cut short: by `stop()`, or by a body that ended early.
  const end = (current: Run, status: FanOutStatus): void => {
    if (current.status !== 'streaming') return;
    current.status = status;
    for (const [id, source] of current.sources) {
      source.acc.end(status === 'aborted' ? abortedError().toValue() : undefined);
      source.metrics.end();
      current.dirty.add(id);
    }
    scheduler?.cancel();
    publish(current);
    reportEnd(kernel.getSnapshot(), options);
  };

  const accept = (current: Run, id: string, part: StreamPart): void => {
    const source = current.sources.get(id);
    if (source === undefined) return;
    source.started = true;
    source.metrics.part(part);
    source.acc.push(part);
    if (source.acc.current().status !== 'streaming') source.metrics.end();
    current.dirty.add(id);
    scheduler?.request();
  };

  const consume = async (current: Run): Promise<void> => {
    const candidates = options.candidates.map((c) => ({
      id: c.id,
      start: (signal: AbortSignal) => sealed(c.start(signal)),
    }));
    for await (const { source, part } of fanOut(candidates, { signal: current.controller.signal })) {
      if (run !== current || current.status !== 'streaming') return;
      accept(current, source, part);
    }
    if (run === current) end(current, 'done');
  };

  const abandon = (): void => {
    if (run === undefined) return;
    run.controller.abort();
    scheduler?.cancel();
  };

  return {
    subscribe: kernel.subscribe,
    getSnapshot: kernel.getSnapshot,
    start() {
      assertUniqueIds(options.candidates, 'createFanOutStore');
      abandon();
      scheduler = createFrameScheduler(options.throttle ?? 'frame', () => {
        if (run !== undefined) publish(run);
      });
      const sources = new Map<string, Source>();
      for (const candidate of options.candidates) {
        const source: Source = { acc: createMessageAccumulator(), metrics: createMetricsRecorder(), started: false };
        source.metrics.start();
        sources.set(candidate.id, source);
      }
      const current: Run = { controller: new AbortController(), sources, dirty: new Set(), status: 'streaming' };
      run = current;
      publish(current);
      void consume(current);
    },
    stop() {
      if (run === undefined) return;
      run.controller.abort();
      end(run, 'aborted');
    },
    setOptions(next) {
      options = next;
    },
    dispose() {
      const current = run;
      abandon();
      run = undefined;
      if (current !== undefined) current.status = 'aborted';
    },
  };
}
