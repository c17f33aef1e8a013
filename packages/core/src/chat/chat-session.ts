import type { RillErrorValue } from '../errors.js';
import type { Message } from '../message/types.js';
import type { StreamMetrics } from '../metrics/stream-metrics.js';
import { reportEnd } from '../store/callbacks.js';
import { httpSource } from '../store/http-source.js';
import { createStreamStore, type StreamStore } from '../store/stream-store.js';
import type { StreamState } from '../store/stream-state.js';
import { createListeners, type Listeners } from '../store/subscribable.js';
import { save, saveInFlight } from './chat-persistence.js';
import type { ChatControllerOptions, ChatMessage, ChatState, ChatStatus } from './chat-types.js';
import { continueAnswer } from './paused-turn.js';
import { createRunKeeper, type InFlightAnswer, type RunKeeper } from './saved-run.js';
import { pendingApprovals, restingStatus } from './tool-calls.js';

/** What a chat controller knows: the conversation, the turn in flight and the snapshot its listeners read. */
export interface ChatSession {
  opts: ChatControllerOptions;
  committed: ChatMessage[];
  status: ChatStatus;
  /** The id of the answer the turn in flight writes. */
  turnId: string | undefined;
  /** The last finished turn's metrics: shown between turns (tool runs, approvals, idle). */
  lastMetrics: StreamMetrics | undefined;
  steps: number;
  /** Set while the turn in flight continues the last answer (paused by the provider). */
  continuing: boolean;
  /** A turn that ended before its request could be built (data no request can carry). */
  failure: RillErrorValue | undefined;
  persistenceError: RillErrorValue | undefined;
  /** Set while an async load is pending: whether a send is waiting for it to stream its turn. */
  loading: { turnQueued: boolean } | undefined;
  /** A restored answer a relay run is still writing: picked up at the first subscribe or action, not at creation (React's StrictMode creates a controller it never uses, which must open no connection). */
  pendingRun: InFlightAnswer | undefined;
  /** The snapshot listeners read: the same object until the next `publish`. */
  state: ChatState;
  readonly listeners: Listeners;
  readonly store: StreamStore;
  readonly keeper: RunKeeper;
  newId(): string;
}

/**
 * Creates a session over a stream store whose source is built from the options when each turn starts.
 *
 * @example const session = createChatSession(options, (final) => turns.ended(final));
 */
export function createChatSession(
  options: ChatControllerOptions,
  turnEnded: (final: StreamState) => void,
): ChatSession {
  let seq = 0;
  const store = createStreamStore({
    // Read when each turn starts (the store calls it then), with the body built from the same options: a model picker may switch provider between turns.
    source: (context) =>
      httpSource({
        url: session.opts.url,
        provider: session.opts.provider,
        headers: session.opts.headers,
        fetch: session.opts.fetch,
        retry: session.opts.retry,
        idleTimeoutMs: session.opts.idleTimeoutMs,
        deadlineMs: session.opts.deadlineMs,
        resume: session.opts.resume,
        onRun: session.opts.onRun,
        credentials: session.opts.credentials,
      })(context),
    throttle: options.throttle,
    onFinish: (final) => turnEnded(final),
  });
  const session: ChatSession = {
    opts: options,
    committed: options.initialMessages ?? [],
    status: 'idle',
    turnId: undefined,
    lastMetrics: undefined,
    steps: 0,
    continuing: false,
    failure: undefined,
    persistenceError: undefined,
    loading: undefined,
    pendingRun: undefined,
    // Replaced below, once the session can be read.
    state: { messages: [], status: 'idle', pendingApprovals: [] },
    listeners: createListeners(),
    store,
    keeper: createRunKeeper(() => saveInFlight(session)),
    newId: () => `${Date.now().toString(36)}-${(++seq).toString(36)}`,
  };
  // Initial messages waiting for approval wait again, as restored ones do.
  session.status = restingStatus(session.committed);
  session.state = buildState(session);
  return session;
}

/**
 * The conversation with the turn's message: a new answer, or (continuing a paused one) the paused answer with it.
 *
 * @example session.committed = withTurn(session, final.message, final.metrics, id);
 */
export function withTurn(
  s: ChatSession,
  message: Message,
  metrics: StreamMetrics | undefined,
  id: string,
): ChatMessage[] {
  const last = s.committed.at(-1);
  const entry =
    s.continuing && last?.role === 'assistant'
      ? { ...last, message: continueAnswer(last.message, message) }
      : { id, role: 'assistant' as const, message };
  return [
    ...(s.continuing ? s.committed.slice(0, -1) : s.committed),
    { ...entry, ...(metrics !== undefined && { metrics }) },
  ];
}

/**
 * The snapshot of a session: the committed conversation with the turn streaming into it.
 *
 * @example session.state = buildState(session);
 */
export function buildState(s: ChatSession): ChatState {
  const turn = s.store.getSnapshot();
  const messages =
    s.turnId !== undefined && turn.message !== undefined
      ? withTurn(s, turn.message, turn.metrics, s.turnId)
      : s.committed;
  const error = s.failure ?? (s.status === turn.status ? turn.error : undefined);
  const metrics = s.turnId !== undefined ? turn.metrics : s.lastMetrics;
  return {
    messages,
    status: s.status,
    ...(error !== undefined && { error }),
    pendingApprovals: pendingApprovals(s.committed),
    ...(turn.reconnect !== undefined && s.turnId !== undefined && { reconnect: turn.reconnect }),
    ...(metrics !== undefined && { metrics }),
    ...(s.persistenceError !== undefined && { persistenceError: s.persistenceError }),
  };
}

/**
 * Builds the snapshot afresh and tells every listener.
 *
 * @example session.status = 'running-tools'; publish(session);
 */
export function publish(s: ChatSession): void {
  s.state = buildState(s);
  s.listeners.notify();
}

/**
 * Ends the conversation's turn loop with `final`: saved, published, reported once (`onFinish`, and `onError` unless aborted).
 *
 * @example finish(session, 'aborted');
 */
export function finish(s: ChatSession, final: ChatStatus): void {
  s.status = final;
  save(s);
  publish(s);
  reportEnd(s.state, s.opts);
}
