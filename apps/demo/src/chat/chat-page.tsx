import { storagePersistence, type ChatState, type ProviderName } from '@rill/core';
import { useChat } from '@rill/react';
import { Conversation, MessageView, ReconnectBanner, StopButton } from '@rill/ui';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useDemoBackend } from '../backend/backend-context.js';
import { resumeOption } from '../backend/demo-backend.js';
import { faultFetch, faultStore } from '../faults/fault-store.js';
import { recordMetrics } from '../metrics/metrics-log.js';
import { endpointFor, providers } from '../mock/endpoints.js';
import { useExternalStore } from '../state/external-store.js';
import { demoTools } from './demo-tools.js';

/** Where the conversation is kept, so a reload restores it (whatever the provider). */
export const CHAT_STORAGE_KEY = 'rill-demo:chat';
/** Where the provider choice is kept: a reload re-attaches to an answer still being written, in its provider's wire format. */
export const PROVIDER_STORAGE_KEY = 'rill-demo:provider';

const storedProvider = (): ProviderName =>
  providers.find((p) => p.name === localStorage.getItem(PROVIDER_STORAGE_KEY))?.name ?? 'anthropic';

const ACTIVE = new Set(['connecting', 'streaming', 'reconnecting', 'running-tools']);

/** Logs the metrics of every model turn since the last user message (a tool round-trip has several). */
function recordTurns(state: ChatState, label: string): void {
  const since = state.messages.map((m) => m.role).lastIndexOf('user');
  for (const entry of state.messages.slice(since + 1)) {
    if (entry.role === 'assistant' && entry.metrics !== undefined) recordMetrics(label, entry.metrics);
  }
}

/** The chat tab: a provider switcher over one conversation that survives provider switches and reloads. */
export function ChatPage() {
  const [provider, setProvider] = useState(storedProvider);
  const [busy, setBusy] = useState(false);
  const choose = (next: ProviderName) => {
    localStorage.setItem(PROVIDER_STORAGE_KEY, next);
    setProvider(next);
  };
  return (
    <section aria-labelledby="chat-title" className="demo-page">
      <div className="demo-toolbar">
        <h2 id="chat-title">Chat</h2>
        <label>
          Provider{' '}
          {/* Not while an answer is written: the next chat would re-attach to its run in another wire format. */}
          <select value={provider} onChange={(e) => choose(e.currentTarget.value as ProviderName)} disabled={busy}>
            {providers.map((p) => (
              <option key={p.name} value={p.name}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {/* The controller's endpoint is fixed at creation: a new provider gets a new chat over the same stored conversation. */}
      <Chat key={provider} provider={provider} onBusy={setBusy} />
    </section>
  );
}

function Chat({ provider, onBusy }: { provider: ProviderName; onBusy(busy: boolean): void }) {
  const model = providers.find((p) => p.name === provider)?.model ?? 'mock';
  const persistence = useMemo(() => storagePersistence(localStorage, CHAT_STORAGE_KEY), []);
  const url = endpointFor(provider, model);
  const backend = useDemoBackend();
  const chat = useChat({
    provider,
    url,
    model,
    tools: demoTools,
    persistence,
    fetch: faultFetch,
    retry: { maxAttempts: 4, baseDelayMs: 1200, maxDelayMs: 4000 },
    idleTimeoutMs: 1500,
    ...resumeOption(backend, url),
    onFinish: (state) => recordTurns(state, `Chat · ${provider}`),
  });
  const { lastStatus } = useExternalStore(faultStore);
  const [draft, setDraft] = useState('');
  const active = ACTIVE.has(chat.status);
  useEffect(() => onBusy(active), [active, onBusy]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() === '') return;
    chat.send(draft);
    setDraft('');
  };

  return (
    <div className="demo-chat" data-status={chat.status}>
      <Conversation label="Conversation">
        {chat.messages.length === 0 && (
          <p className="demo-hint">
            Ask something: “weather in Paris”, “what is 12 * (3 + 4)”, “send an email to the team”, “think about leap
            years”, “write a long answer”.
          </p>
        )}
        {chat.messages.map((m) =>
          m.role === 'user' ? (
            <article key={m.id} className="demo-user" aria-label="Your message">
              <p>{m.text}</p>
            </article>
          ) : (
            // Given the chat, a message offers Approve / Deny on its calls waiting for approval, and Retry when it is the last answer.
            <MessageView key={m.id} message={m.message} chat={chat} />
          ),
        )}
      </Conversation>
      {chat.status === 'reconnecting' && chat.reconnect && (
        <ReconnectBanner reconnect={chat.reconnect} rateLimited={lastStatus === 429} />
      )}
      {chat.error !== undefined && chat.messages[chat.messages.length - 1]?.role === 'user' && (
        <p role="alert" className="demo-error">
          {chat.error.message}
        </p>
      )}
      <form className="demo-composer" onSubmit={submit}>
        <input
          aria-label="Message"
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          placeholder="Ask the mock model…"
        />
        <button type="submit" className="rill-button rill-button--primary">
          Send
        </button>
        <StopButton onStop={chat.stop} streaming={active || chat.status === 'awaiting-approval'} />
        <button
          type="button"
          className="rill-button"
          onClick={chat.regenerate}
          disabled={active || !chat.messages.some((m) => m.role === 'user')}
        >
          Regenerate
        </button>
        <button
          type="button"
          className="rill-button"
          onClick={() => chat.setMessages([])}
          disabled={chat.messages.length === 0}
        >
          Clear
        </button>
      </form>
      <p className="demo-status" aria-live="off">
        Status: <span data-testid="chat-status">{chat.status}</span>
        {chat.metrics?.ttftMs !== undefined && (
          <span data-testid="chat-metrics">
            {' '}
            · first token after {Math.round(chat.metrics.ttftMs)} ms, {chat.metrics.reconnects} reconnects
          </span>
        )}
      </p>
    </div>
  );
}
