import { abortedError, errorValueOf, type RillErrorValue } from '../errors.js';
import { accumulatorWith, type MessageAccumulator } from '../message/accumulator-with.js';
import { loadToolInput, loadedToolInput } from '../message/tool-input-loader.js';
import type { Message, StreamPart } from '../message/types.js';
import { createMetricsRecorder, type MetricsRecorder } from '../metrics/metrics-recorder.js';
import { callSafely, reportEnd } from './callbacks.js';
import { createFrameScheduler, type FrameScheduler, type Throttle } from './frame-scheduler.js';
import { httpSource, type HttpSourceOptions } from './http-source.js';
import type { PartSource } from './part-source.js';
import { reconnectReason } from './reconnect-reason.js';
import type { RunHandle } from './run-handle.js';
import { createSnapshotStore } from './subscribable.js';
import {
  isFinalStatus,
  messageText,
  type ReconnectState,
  type StreamState,
  type StreamStatus,
} from './stream-state.js';

/** Callbacks of a stream; each runs after the state it reports has been published. */
export interface StreamCallbacks {
  /** Every decoded part, as it arrives (before the frame that shows it). */
  onPart?: ((part: StreamPart) => void) | undefined;
  /** The stream ended (`done`, `interrupted`, `error` or `aborted`); `state` is the final snapshot. */
  onFinish?: ((state: StreamState) => void) | undefined;
  /** The stream ended with an `error` or `interrupted` status (not on `stop()`). */
  onError?: ((error: RillErrorValue) => void) | undefined;
}

interface CommonOptions extends StreamCallbacks {
  /** The body `start()` sends when given none. */
  body?: unknown;
  /** Notify at most once per animation frame (default) or once per this many ms. */
  throttle?: Throttle | undefined;
}

/** A store over an HTTP SSE endpoint, or over any part source (a race, a test script). */
export type StreamStoreOptions = CommonOptions & (HttpSourceOptions | { source: PartSource });

/** A framework-free, subscribable stream: the state React (or anything) renders from. */
export interface StreamStore {
  /** Listens for new snapshots; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** The current immutable snapshot (the same object until the next notification). */
  getSnapshot(): StreamState;
  /** Starts a run with `body`, else the `body` option; a running one is aborted silently (its announced run is stopped upstream). */
  start(body?: unknown): void;
  /**
   * Re-attaches to a run still going, e.g. one kept (`state.run`, with `state.message`) before a page
   * reload: it reads the run again from its start, so the message is rebuilt whole by the same
   * decoder; `message` stays on screen until the re-read has passed `run.lastEventId`. A run the
   * server no longer has (404/410) ends `interrupted`, keeping `message`. Aborts a running stream first.
   */
  attach(run: RunHandle, message?: Message): void;
  /** Aborts the run: final status `aborted`, the response body is cancelled, and a run the server announced is stopped upstream. */
  stop(): void;
  /** Starts again with the last body. */
  retry(): void;
  /** Replaces the options; the next `start()` uses them, callbacks apply at once. */
  setOptions(options: StreamStoreOptions): void;
  /** Aborts the run without callbacks or notifications (an unmount; a run the server announced goes on); the store can start again. */
  dispose(): void;
}

interface Run {
  controller: AbortController;
  /** Aborted when the user stops the run (not on dispose): the source stops it upstream. */
  stopper: AbortController;
  acc: MessageAccumulator;
  metrics: MetricsRecorder;
  status: StreamStatus;
  /** A response arrived: from here on a reconnect is a resume. */
  opened: boolean;
  reconnect?: ReconnectState;
  /** The run the server announced, and the id of the last event read. */
  run?: Omit<RunHandle, 'lastEventId'>;
  lastEventId: string;
  /** What `attach()` was given to show until the re-read passes `until` (then the next event releases it). */
  held?: { message: Message; until: string; reached: boolean };
}

const IDLE: StreamState = { status: 'idle', text: '' };
const STOPPED: RillErrorValue = abortedError('stopped').toValue();

/**
 * The part source a store's options name: `source`, else the HTTP endpoint's.
 *
 * @example const parts = sourceOf({ url: '/api/chat', provider: 'anthropic' })(context);
 */
export const sourceOf = (options: HttpSourceOptions | { source: PartSource }): PartSource =>
  'source' in options ? options.source : httpSource(options);

// What `attach()` was given stays on screen while the run is read again; if the read cannot finish, the stream ends with it.
const shownMessage = (current: Run): Message => {
  const built = current.acc.current();
  const { held } = current;
  if (held === undefined || built.status === 'done') return built;
  if (built.status === 'streaming') return held.message;
  return { ...held.message, status: built.status, ...(built.error !== undefined && { error: built.error }) };
};

/**
 * Creates a stream store: it runs a part source (by default `streamSSE` → `decodeProvider`, or raw
 * SSE text) into the message accumulator and metrics, and notifies subscribers at most once per
 * animation frame (a timer where frames do not run). The final state is published synchronously,
 * before `onFinish`, so the last frame is never stale. Touches no global until `start()`.
 *
 * @example
 * const store = createStreamStore({ url: '/api/chat', provider: 'openai-chat', body: { model, messages } });
 * store.subscribe(() => render(store.getSnapshot().text));
 * store.start();
 */
export function createStreamStore(initial: StreamStoreOptions): StreamStore {
  let options = initial;
  const kernel = createSnapshotStore(IDLE);
  let run: Run | undefined;
  let scheduler: FrameScheduler | undefined;
  let lastBody: unknown = initial.body;

  const snapshot = (current: Run): StreamState => {
    const message = shownMessage(current);
    // The position of what is shown: while a re-attach re-reads, that of the message it was given.
    const position = current.held?.until ?? current.lastEventId;
    return {
      status: current.status,
      message,
      text: messageText(message),
      ...(message.error !== undefined && { error: message.error }),
      metrics: current.metrics.snapshot(),
      ...(current.reconnect !== undefined && { reconnect: current.reconnect }),
      ...(current.run !== undefined &&
        !isFinalStatus(current.status) && { run: { ...current.run, lastEventId: position } }),
    };
  };

  const publish = (current: Run): void => {
    if (run !== current) return;
    kernel.publish(snapshot(current));
  };

  // Publishes now, dropping any pending frame: status changes and the end never wait.
  const publishNow = (current: Run): void => {
    scheduler?.cancel();
    publish(current);
  };

  const finish = (current: Run): void => {
    if (isFinalStatus(current.status)) return;
    const message = current.acc.current();
    current.status = message.status === 'streaming' ? 'interrupted' : message.status;
    current.reconnect = undefined;
    current.metrics.end();
    publishNow(current);
    reportEnd(kernel.getSnapshot(), options);
  };

  const accept = (current: Run, part: StreamPart): void => {
    current.metrics.part(part);
    current.acc.push(part);
    callSafely(() => options.onPart?.(part));
    // A part that ends the message (an error before any response) leaves the status to finish().
    if (
      (current.status === 'connecting' || current.status === 'reconnecting') &&
      current.acc.current().status === 'streaming'
    ) {
      current.status = 'streaming';
      current.reconnect = undefined;
      publishNow(current);
    } else {
      scheduler?.request();
    }
  };

  const consume = async (current: Run, parts: AsyncIterable<StreamPart>): Promise<void> => {
    try {
      for await (const part of parts) {
        if (run !== current || isFinalStatus(current.status)) return;
        if (part.type === 'tool-input-start') {
          await loadToolInput();
          if (run !== current || isFinalStatus(current.status)) return;
        }
        accept(current, part);
        if (current.acc.current().status !== 'streaming') break;
      }
    } catch (err) {
      if (run !== current || isFinalStatus(current.status)) return;
      current.acc.end(errorValueOf(err, 'reading'));
    }
    if (run !== current) return;
    current.acc.end();
    finish(current);
  };

  const abandon = (stopUpstream: boolean): void => {
    const current = run;
    if (current === undefined || isFinalStatus(current.status)) return;
    current.acc.end(STOPPED);
    current.status = 'aborted';
    current.metrics.end();
    if (stopUpstream) current.stopper.abort();
    current.controller.abort();
    scheduler?.cancel();
  };

  const begin = (payload: unknown, attach?: RunHandle, message?: Message): void => {
    abandon(true);
    scheduler = createFrameScheduler(options.throttle ?? 'frame', () => {
      if (run !== undefined) publish(run);
    });
    const current: Run = {
      controller: new AbortController(),
      stopper: new AbortController(),
      acc: accumulatorWith(loadedToolInput),
      metrics: createMetricsRecorder(),
      status: 'connecting',
      opened: false,
      lastEventId: attach?.startId ?? '',
    };
    if (attach !== undefined) {
      const { lastEventId, ...known } = attach;
      current.run = known;
      // Nothing to hold when the message was kept before the run's first event.
      if (message !== undefined && lastEventId !== attach.startId)
        current.held = { message, until: lastEventId, reached: false };
    }
    run = current;
    current.metrics.start();
    publishNow(current);
    let parts: AsyncIterable<StreamPart>;
    try {
      parts = sourceOf(options)({
        body: payload,
        signal: current.controller.signal,
        stopSignal: current.stopper.signal,
        ...(attach !== undefined && { attach }),
        onOpen: () => {
          if (run !== current || isFinalStatus(current.status)) return;
          current.metrics.open();
          current.opened = true;
          current.status = 'streaming';
          current.reconnect = undefined;
          publishNow(current);
        },
        onReconnect: (info) => {
          if (run !== current || isFinalStatus(current.status)) return;
          current.metrics.reconnect();
          current.status = 'reconnecting';
          const { status } = info.error;
          current.reconnect = {
            attempt: info.attempt,
            maxAttempts: info.maxAttempts,
            nextRetryAt: Date.now() + info.delayMs,
            reason: reconnectReason(info.error, current.opened),
            ...(status !== undefined && { status }),
          };
          publishNow(current);
        },
        onRun: (info, eventId) => {
          if (run !== current || isFinalStatus(current.status)) return;
          if (current.run === undefined) current.lastEventId = eventId;
          current.run = { ...info, startId: current.run?.startId ?? eventId };
          publishNow(current);
        },
        onEventId: (id) => {
          const { held } = current;
          // The event after the held position: every part of the held message has been read again.
          if (held?.reached === true) current.held = undefined;
          else if (held !== undefined && id === held.until) held.reached = true;
          current.lastEventId = id;
        },
      });
    } catch (err) {
      // The source threw before it returned a stream: nothing was connected.
      current.acc.end(errorValueOf(err, 'connecting'));
      finish(current);
      return;
    }
    void consume(current, parts);
  };

  const start = (body?: unknown): void => {
    const payload = body === undefined ? options.body : body;
    lastBody = payload;
    begin(payload);
  };

  return {
    subscribe: kernel.subscribe,
    getSnapshot: kernel.getSnapshot,
    start,
    attach: (handle, message) => begin(undefined, handle, message),
    stop() {
      const current = run;
      if (current === undefined || isFinalStatus(current.status)) return;
      current.acc.end(STOPPED);
      current.stopper.abort();
      current.controller.abort();
      finish(current);
    },
    retry: () => start(lastBody),
    setOptions(next) {
      options = next;
    },
    dispose() {
      abandon(false);
      if (run !== undefined) kernel.replace(snapshot(run));
    },
  };
}
