import { createChatSession, publish, finish, buildState, type ChatSession } from './chat-session.js';
import { loadSaved, save, saveInFlight } from './chat-persistence.js';
import type { ChatControllerOptions, ChatMessage, ChatState } from './chat-types.js';
import { createSerialJobs } from './serial-jobs.js';
import { createToolLoop } from './chat-tools.js';
import { createTurnLoop } from './chat-turns.js';
import { denyUndecided, restingStatus } from './tool-calls.js';

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
  const s: ChatSession = createChatSession(options as ChatControllerOptions, (final) => turns.ended(final));
  const tools = createToolLoop(s, () => turns.run());
  const turns = createTurnLoop(s, () => tools.resolve());
  // One operation at a time: a listener or callback calling back in (a send from onFinish) waits for the one running.
  const jobs = createSerialJobs();
  const serverState = s.state;

  s.store.subscribe(() => {
    if (s.turnId === undefined) return;
    const { status, run } = s.store.getSnapshot();
    s.status = status;
    if (run !== undefined && s.opts.persistence !== undefined) s.keeper.seen(run);
    publish(s);
  });

  if (loadSaved(s, { reattach: () => turns.reattach(), runTurn: () => turns.run(), publish: () => publish(s) }))
    s.state = buildState(s);

  // Stops whatever runs: a call still waiting is refused, a restored run not picked up yet is stopped upstream like a turn in flight.
  const halt = (): void => {
    s.committed = denyUndecided(s.committed);
    turns.reattach();
    if (s.turnId !== undefined) s.store.stop();
    tools.abort();
  };

  return {
    subscribe(listener) {
      const off = s.listeners.subscribe(listener);
      turns.reattach();
      return off;
    },
    getSnapshot: () => s.state,
    getServerSnapshot: () => serverState,
    send(text) {
      jobs.run(() => {
        if (s.loading !== undefined) {
          // Shown at once; its turn streams once the restored history is in (loadSaved).
          s.committed = [...s.committed, { id: s.newId(), role: 'user', text }];
          s.loading.turnQueued = true;
          publish(s);
          return;
        }
        halt();
        tools.forgetApprovals();
        s.committed = [...s.committed, { id: s.newId(), role: 'user', text }];
        s.steps = 0;
        save(s);
        turns.run();
      });
    },
    stop() {
      jobs.run(() => {
        if (s.loading !== undefined) s.loading.turnQueued = false;
        turns.reattach();
        const wasRunning = s.turnId !== undefined || tools.running || s.status === 'awaiting-approval';
        halt();
        if (wasRunning && s.status !== 'aborted') finish(s, 'aborted');
      });
    },
    regenerate() {
      jobs.run(() => {
        if (s.loading !== undefined) return;
        halt();
        let lastUser = s.committed.length - 1;
        while (lastUser >= 0 && s.committed[lastUser]?.role !== 'user') lastUser -= 1;
        if (lastUser < 0) return;
        s.committed = s.committed.slice(0, lastUser + 1);
        tools.forgetApprovals();
        s.steps = 0;
        turns.run();
      });
    },
    approve(toolCallId) {
      jobs.run(() => tools.decide(toolCallId, { approved: true }));
    },
    deny(toolCallId, reason) {
      jobs.run(() => tools.decide(toolCallId, { approved: false, ...(reason !== undefined && { reason }) }));
    },
    setOptions(next) {
      s.opts = next;
    },
    setMessages(messages: ChatMessage[]) {
      jobs.run(() => {
        // An explicit conversation wins over one still loading.
        s.loading = undefined;
        halt();
        s.committed = messages;
        s.turnId = undefined;
        s.lastMetrics = undefined;
        s.failure = undefined;
        s.status = restingStatus(s.committed);
        save(s);
        publish(s);
      });
    },
    dispose() {
      jobs.clear();
      s.loading = undefined;
      saveInFlight(s);
      s.keeper.forget();
      s.turnId = undefined;
      s.store.dispose();
      tools.abort();
    },
  };
}
