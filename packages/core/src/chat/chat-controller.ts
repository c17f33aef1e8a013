import type { RillErrorValue } from '../errors.js';
import type { Message, ToolCallPart } from '../message/types.js';
import type { StreamMetrics } from '../metrics/stream-metrics.js';
import type { RequestBody, ToolDefinition } from '../providers/request/conversation.js';
import { toProviderRequest } from '../providers/request/to-provider-request.js';
import { httpSource } from '../store/http-source.js';
import { reportEnd } from '../store/callbacks.js';
import { createStreamStore } from '../store/stream-store.js';
import type { StreamState } from '../store/stream-state.js';
import type { ChatControllerOptions, ChatMessage, ChatState, ChatStatus } from './chat-types.js';
import { createRunKeeper, inFlightAnswer, supersedeInFlight, type InFlightAnswer } from './saved-run.js';
import { continueAnswer, isClientCall, pausedTurn } from './paused-turn.js';
import { needsApproval, runTool } from './run-tool.js';
import { toolJSONSchema } from './tool-schema.js';
import { toConversation } from './to-conversation.js';

/** A framework-free conversation: React's `useChat` only subscribes to it. */
export interface ChatController {
  subscribe(listener: () => void): () => void;
  getSnapshot(): ChatState;
  /**
   * The state before the conversation was restored from `persistence`: what a server, which has no
   * storage, renders. React's `useSyncExternalStore` hydrates with it, so the restored messages
   * show in the render right after hydration, not in the hydration render (which would not match).
   */
  getServerSnapshot(): ChatState;
  /** Adds a user message and streams the answer (stopping a turn in flight first; after the restored history while `loading`). */
  send(text: string): void;
  /** Stops the turn or the tools in flight; the status becomes `aborted`. While `loading`, cancels a waiting send's turn. */
  stop(): void;
  /** Drops everything after the last user message and asks again (nothing while `loading`). */
  regenerate(): void;
  /** Runs a tool call waiting for approval. Any id not in `pendingApprovals` is ignored (a second click, a stopped turn). */
  approve(toolCallId: string): void;
  /** Refuses a tool call waiting for approval; the model is told it was denied. Any id not in `pendingApprovals` is ignored. */
  deny(toolCallId: string, reason?: string): void;
  /** Replaces tools, callbacks and every request setting (provider, URL, model, body fields, transport) from the next turn on. */
  setOptions(options: ChatControllerOptions): void;
  /** Replaces the conversation (e.g. to clear it); persisted. */
  setMessages(messages: ChatMessage[]): void;
  /** Aborts whatever runs, without callbacks (an unmount); an answer a relay run is still writing is saved with its run, to be re-attached. */
  dispose(): void;
}

const DENIED = 'The user denied this tool call.';
const UNDECIDED = 'The user stopped or sent a new message without approving this tool call.';

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Creates a chat controller over any provider: it builds each request with `toProviderRequest`
 * (so signed reasoning and tool results go back as the provider expects), streams it through a
 * stream store, runs client tools when a turn ends with tool calls (asking for approval where a
 * tool requires it) and streams the next turn, up to `maxSteps`. A persistence adapter restores
 * and saves the conversation. Each turn is measured as it is decoded (`state.metrics`, and
 * `metrics` on the assistant message it produced), so nothing needs to read the response twice.
 *
 * @example
 * const chat = createChatController({
 *   provider: 'anthropic', url: '/api/anthropic/v1/messages', model: 'claude-sonnet-4-6',
 *   tools: { get_weather: { inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }, execute: ({ city }) => fetchWeather(city) } },
 * });
 * chat.subscribe(() => render(chat.getSnapshot().messages));
 * chat.send('Weather in Paris?');
 */
export function createChatController<const T>(options: ChatControllerOptions<T>): ChatController {
  // A tool's input type matters where the tool is written; here every input is checked at run time.
  let opts = options as ChatControllerOptions;
  let committed: ChatMessage[] = opts.initialMessages ?? [];
  let status: ChatStatus = 'idle';
  let turnId: string | undefined;
  // The last finished turn's metrics: shown between turns (tool runs, approvals, idle).
  let lastMetrics: StreamMetrics | undefined;
  let steps = 0;
  // Set while the turn in flight continues the last answer (paused by the provider).
  let continuing = false;
  // Set while tool calls run; `running` holds their ids, so a later approval never starts one twice.
  let tools: AbortController | undefined;
  const running = new Set<string>();
  // A turn that ended before its request could be built (data no request can carry).
  let failure: RillErrorValue | undefined;
  let persistenceError: RillErrorValue | undefined;
  // Set while an async load is pending: whether a send is waiting for it to stream its turn.
  let loading: { turnQueued: boolean } | undefined;
  // Calls the user approved: they run like calls that need no approval.
  const approved = new Set<string>();
  // A restored answer a relay run is still writing: picked up at the first subscribe or action, not at creation
  // (React's StrictMode creates a controller it never uses, which must open no connection).
  let pendingRun: InFlightAnswer | undefined;
  const listeners = new Set<() => void>();
  let seq = 0;
  const newId = (): string => `${Date.now().toString(36)}-${(++seq).toString(36)}`;

  const store = createStreamStore({
    // Read when each turn starts (the store calls it then), with the body built from the same options: a model picker may switch provider between turns.
    source: (context) =>
      httpSource({
        url: opts.url,
        provider: opts.provider,
        headers: opts.headers,
        fetch: opts.fetch,
        retry: opts.retry,
        idleTimeoutMs: opts.idleTimeoutMs,
        deadlineMs: opts.deadlineMs,
        resume: opts.resume,
        onRun: opts.onRun,
        credentials: opts.credentials,
      })(context),
    throttle: opts.throttle,
    onFinish: (final) => turnEnded(final),
  });

  // The last answer's calls that wait for a decision: the parts say so (a stop or a new send decides them), so they persist.
  const pendingApprovals = (): ToolCallPart[] => {
    const last = committed[committed.length - 1];
    if (last?.role !== 'assistant') return [];
    return last.message.parts.filter((p): p is ToolCallPart => isClientCall(p) && p.state === 'approval-requested');
  };

  // A conversation saved while waiting for approval (then reloaded) waits again, so its calls can still be decided.
  const restingStatus = (): ChatStatus => (pendingApprovals().length > 0 ? 'awaiting-approval' : 'idle');

  // The conversation with the turn's message: a new answer, or (continuing a paused one) the paused answer with it.
  const withTurn = (message: Message, metrics: StreamMetrics | undefined, id: string): ChatMessage[] => {
    const last = committed.at(-1);
    const entry = continuing && last?.role === 'assistant' ? { ...last, message: continueAnswer(last.message, message) } : { id, role: 'assistant' as const, message };
    return [...(continuing ? committed.slice(0, -1) : committed), { ...entry, ...(metrics !== undefined && { metrics }) }];
  };

  const build = (): ChatState => {
    const turn = store.getSnapshot();
    const streaming = turnId !== undefined && turn.message !== undefined;
    const messages = streaming && turn.message !== undefined && turnId !== undefined ? withTurn(turn.message, turn.metrics, turnId) : committed;
    const error = failure ?? (status === turn.status ? turn.error : undefined);
    const metrics = turnId !== undefined ? turn.metrics : lastMetrics;
    return {
      messages,
      status,
      ...(error !== undefined && { error }),
      pendingApprovals: pendingApprovals(),
      ...(turn.reconnect !== undefined && turnId !== undefined && { reconnect: turn.reconnect }),
      ...(metrics !== undefined && { metrics }),
      ...(persistenceError !== undefined && { persistenceError }),
    };
  };

  // Initial messages waiting for approval wait again, as restored ones do.
  status = restingStatus();
  let state = build();
  const serverState = state;
  const publish = (): void => {
    state = build();
    for (const listener of [...listeners]) listener();
  };

  // A storage failure (e.g. a full quota) must not stop the conversation: it is reported and the next save retries.
  const save = (messages = committed): void => {
    try {
      opts.persistence?.save(messages);
      persistenceError = undefined;
    } catch (err) {
      persistenceError = { kind: 'persistence', message: `The conversation could not be saved: ${messageOf(err)}`, retryable: true };
    }
  };

  // Saves the answer a relay run is writing, with its run, so a reload re-attaches (a full save: only on the run's announcement, a page hide and dispose).
  const saveInFlight = (): void => {
    const { message, run } = store.getSnapshot();
    if (turnId === undefined || message === undefined || run === undefined) return;
    save([...committed, { id: turnId, role: 'assistant', message, run }]);
  };

  const keeper = createRunKeeper(saveInFlight);

  store.subscribe(() => {
    if (turnId === undefined) return;
    const { status: turnStatus, run } = store.getSnapshot();
    status = turnStatus;
    if (run !== undefined && opts.persistence !== undefined) keeper.seen(run);
    publish();
  });

  const toolDefinitions = (): ToolDefinition[] | undefined => {
    const entries = Object.entries(opts.tools ?? {});
    if (entries.length === 0) return undefined;
    return entries.map(([name, tool]) => ({ name, ...(tool.description !== undefined && { description: tool.description }), inputSchema: toolJSONSchema(name, tool.inputSchema) }));
  };

  // `continuation`: the turn finishes the last answer, which the provider paused.
  const runTurn = (continuation = false): void => {
    continuing = continuation;
    steps += 1;
    failure = undefined;
    const { model, system, maxTokens, temperature, reasoning } = opts;
    let body: RequestBody;
    try {
      // A tool whose schema gives no JSON Schema fails here too, as an invalid request.
      const definitions = toolDefinitions();
      body = toProviderRequest(opts.provider, {
        model,
        messages: toConversation(committed),
        ...(system !== undefined && { system }),
        ...(maxTokens !== undefined && { maxTokens }),
        ...(temperature !== undefined && { temperature }),
        ...(reasoning !== undefined && { reasoning }),
        ...(definitions !== undefined && { tools: definitions }),
      });
    } catch (err) {
      // History no request can carry (e.g. a BigInt given in `setMessages`) ends the turn as an error instead of throwing.
      failure = { kind: 'invalid-request', message: `The conversation could not be turned into a request: ${messageOf(err)}`, retryable: false };
      finishConversation('error');
      return;
    }
    turnId = newId();
    store.start(body);
  };

  const finishConversation = (final: ChatStatus): void => {
    status = final;
    save();
    publish();
    reportEnd(state, opts);
  };

  const replaceLast = (message: Message): void => {
    const last = committed[committed.length - 1];
    if (last?.role !== 'assistant') return;
    committed = [...committed.slice(0, -1), { ...last, message }];
  };

  // Rewrites the last answer's client calls; the answer is replaced only if one changed (snapshots stay shared).
  const updateCalls = (update: (part: ToolCallPart) => ToolCallPart): void => {
    const last = committed[committed.length - 1];
    if (last?.role !== 'assistant') return;
    let changed = false;
    const parts = last.message.parts.map((p) => {
      if (!isClientCall(p)) return p;
      const next = update(p);
      changed ||= next !== p;
      return next;
    });
    if (changed) replaceLast({ ...last.message, parts });
  };

  // A call still waiting is decided by moving on (a stop, a new message): it is refused, and the model is told why.
  const denyUndecided = (): void => updateCalls((p) => (p.state === 'approval-requested' ? { ...p, state: 'approval-denied', errorText: UNDECIDED } : p));

  // Asks for approval on the calls that need it, starts every other open call not running yet; once none runs, waits for approvals or streams the next turn.
  const resolveTools = (): void => {
    updateCalls((p) => (p.state === 'input-available' && !approved.has(p.toolCallId) && !running.has(p.toolCallId) && needsApproval(opts.tools?.[p.toolName], p.input) ? { ...p, state: 'approval-requested' } : p));
    const last = committed[committed.length - 1];
    if (last?.role !== 'assistant') return;
    const open = last.message.parts.filter((p): p is ToolCallPart => isClientCall(p) && (p.state === 'input-available' || p.state === 'approval-requested'));
    const runnable = open.filter((p) => p.state === 'input-available' && !running.has(p.toolCallId));
    if (runnable.length > 0) {
      void runTools(runnable);
      return;
    }
    // Calls still running call this again when they settle; a decision taken meanwhile shows now.
    if (running.size > 0) {
      publish();
      return;
    }
    if (open.length > 0) {
      status = 'awaiting-approval';
      save();
      publish();
    } else if (steps >= (opts.maxSteps ?? 5)) {
      finishConversation('done');
    } else {
      save();
      runTurn();
    }
  };

  const runTools = async (calls: ToolCallPart[]): Promise<void> => {
    const controller = (tools ??= new AbortController());
    for (const p of calls) running.add(p.toolCallId);
    status = 'running-tools';
    publish();
    const settled = await Promise.all(calls.map((p) => runTool(p, opts.tools?.[p.toolName], controller.signal)));
    // A stop, send or replacement since (each clears `tools`) dropped these results.
    if (tools !== controller) return;
    for (const p of settled) running.delete(p.toolCallId);
    const byId = new Map(settled.map((p) => [p.toolCallId, p]));
    const current = committed[committed.length - 1];
    if (current?.role !== 'assistant') return;
    replaceLast({ ...current.message, parts: current.message.parts.map((p) => (p.type === 'tool-call' ? (byId.get(p.toolCallId) ?? p) : p)) });
    if (running.size > 0) {
      publish();
      return;
    }
    tools = undefined;
    resolveTools();
  };

  function turnEnded(final: StreamState): void {
    if (turnId === undefined || final.message === undefined) return;
    lastMetrics = final.metrics;
    committed = withTurn(final.message, final.metrics, turnId);
    turnId = undefined;
    const answer = committed.at(-1);
    const message = answer?.role === 'assistant' ? answer.message : final.message;
    const hasCalls = final.status === 'done' && message.parts.some((p) => isClientCall(p) && p.state === 'input-available');
    status = final.status;
    const runSaved = keeper.saved;
    keeper.forget();
    // A paused answer is sent back to be finished, as the provider asks, within maxSteps.
    if (pausedTurn(final.message) && steps < (opts.maxSteps ?? 5)) {
      save();
      runTurn(true);
    } else if (hasCalls && opts.tools !== undefined) {
      // The saved run is over: a reload while the tools run must not pick it up again.
      if (runSaved) save();
      resolveTools();
    } else finishConversation(final.status);
  }

  // A conversation saved while a relay run was writing its answer: it shows as saved, `connecting`, until reattach().
  const restoreRun = (): void => {
    pendingRun = inFlightAnswer(committed);
    if (pendingRun !== undefined) status = 'connecting';
  };

  // Picks the restored answer up where its run stands (the same message id, continued).
  const reattach = (): void => {
    const saved = pendingRun;
    if (saved === undefined) return;
    pendingRun = undefined;
    committed = committed.slice(0, -1);
    turnId = saved.id;
    steps = 1;
    store.attach(saved.run, saved.message);
  };

  const halt = (): void => {
    denyUndecided();
    // A restored run not picked up yet is a turn in flight too: it is stopped upstream like one.
    reattach();
    if (turnId !== undefined) store.stop();
    if (tools !== undefined) {
      tools.abort();
      tools = undefined;
      running.clear();
    }
  };

  const decide = (toolCallId: string, decision: { approved: boolean; reason?: string }): void => {
    // A second click, or a call already decided, running, stopped or unknown, is not a new decision.
    if (!pendingApprovals().some((p) => p.toolCallId === toolCallId)) return;
    if (decision.approved) approved.add(toolCallId);
    const decided: Pick<ToolCallPart, 'state' | 'errorText'> = decision.approved ? { state: 'input-available' } : { state: 'approval-denied', errorText: decision.reason ?? DENIED };
    updateCalls((p) => (p.toolCallId === toolCallId ? { ...p, ...decided } : p));
    resolveTools();
  };

  // The restored history goes before anything sent meanwhile; a send made while loading streams now.
  const restored = (saved: ChatMessage[] | undefined): void => {
    const waiting = loading;
    if (waiting === undefined) return;
    loading = undefined;
    const sent = committed;
    committed = [...(saved ?? []), ...sent];
    status = restingStatus();
    if (!waiting.turnQueued) {
      restoreRun();
      if (listeners.size > 0) reattach();
      publish();
      return;
    }
    // A message sent while loading goes after an answer a run was writing (that answer ends where it was saved) or waiting for approval.
    committed = supersedeInFlight(saved ?? []);
    denyUndecided();
    committed = [...committed, ...sent];
    steps = 0;
    save();
    runTurn();
  };

  if (opts.persistence !== undefined && opts.initialMessages === undefined) {
    let loaded: ReturnType<typeof opts.persistence.load>;
    try {
      loaded = opts.persistence.load();
    } catch {
      // Unreadable storage restores nothing rather than failing the chat's creation.
      loaded = undefined;
    }
    if (loaded instanceof Promise) {
      loading = { turnQueued: false };
      status = 'loading';
      void loaded.then(restored, () => restored(undefined));
    } else if (loaded !== undefined) {
      committed = loaded;
      status = restingStatus();
      restoreRun();
    }
    state = build();
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      reattach();
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    getServerSnapshot: () => serverState,
    send(text) {
      if (loading !== undefined) {
        committed = [...committed, { id: newId(), role: 'user', text }];
        loading.turnQueued = true;
        publish();
        return;
      }
      halt();
      approved.clear();
      committed = [...committed, { id: newId(), role: 'user', text }];
      steps = 0;
      save();
      runTurn();
    },
    stop() {
      if (loading !== undefined) loading.turnQueued = false;
      reattach();
      const wasRunning = turnId !== undefined || tools !== undefined || status === 'awaiting-approval';
      halt();
      if (wasRunning && status !== 'aborted') finishConversation('aborted');
    },
    regenerate() {
      if (loading !== undefined) return;
      halt();
      let lastUser = committed.length - 1;
      while (lastUser >= 0 && committed[lastUser]?.role !== 'user') lastUser -= 1;
      if (lastUser < 0) return;
      committed = committed.slice(0, lastUser + 1);
      approved.clear();
      steps = 0;
      runTurn();
    },
    approve(toolCallId) {
      decide(toolCallId, { approved: true });
    },
    deny(toolCallId, reason) {
      decide(toolCallId, { approved: false, ...(reason !== undefined && { reason }) });
    },
    setOptions(next) {
      opts = next;
    },
    setMessages(messages) {
      // An explicit conversation wins over one still loading.
      loading = undefined;
      halt();
      committed = messages;
      turnId = undefined;
      lastMetrics = undefined;
      failure = undefined;
      status = restingStatus();
      save();
      publish();
    },
    dispose() {
      loading = undefined;
      saveInFlight();
      keeper.forget();
      turnId = undefined;
      store.dispose();
      tools?.abort();
      tools = undefined;
      running.clear();
    },
  };
}
