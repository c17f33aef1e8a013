import type { UseChatResult } from '@rill/react';
import { Conversation, MessageView, ReconnectBanner, StopButton, isSendKey, useStopFocusReturn } from '@rill/ui';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';

/** Props of {@link ChatPanel}. */
export interface ChatPanelProps {
  id: string;
  title: string;
  greeting: string | undefined;
  chat: UseChatResult;
  onClose(): void;
}

const BUSY = new Set(['connecting', 'streaming', 'reconnecting', 'running-tools']);

/**
 * The chat dialog: the conversation log, a reconnect banner while the stream recovers, and the
 * message form with Send, or Stop while an answer streams. The message box takes focus on open.
 *
 * @example <ChatPanel id="p" title="Support" greeting={undefined} chat={useChat(options)} onClose={close} />
 */
export function ChatPanel({ id, title, greeting, chat, onClose }: ChatPanelProps) {
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const busy = BUSY.has(chat.status);
  const headingId = `${id}-title`;

  useEffect(() => input.current?.focus(), []);

  // Stop gives way to Send when the answer ends: focus stays in the widget (and its Escape handler).
  const stopFocus = useStopFocusReturn(busy, input);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const text = draft.trim();
    if (text === '' || busy) return;
    chat.send(text);
    setDraft('');
    input.current?.focus();
  };
  const stop = () => {
    chat.stop();
    input.current?.focus();
  };
  // Enter sends, Shift+Enter is a new line, as in every chat box (not an IME's confirming Enter).
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (isSendKey(event)) submit(event);
  };

  return (
    <section id={id} className="rill-widget__panel" role="dialog" aria-labelledby={headingId}>
      <header className="rill-widget__header">
        <h2 id={headingId} className="rill-widget__title">
          {title}
        </h2>
        <button type="button" className="rill-widget__close" aria-label={`Close ${title}`} onClick={onClose}>
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        </button>
      </header>
      {chat.reconnect && <ReconnectBanner reconnect={chat.reconnect} />}
      <Conversation label={`${title} conversation`} className="rill-widget__log">
        {greeting && chat.messages.length === 0 && <p className="rill-widget__greeting">{greeting}</p>}
        {chat.messages.map((entry) =>
          entry.role === 'user' ? (
            <p key={entry.id} className="rill-widget__user">
              <span className="rill-visually-hidden">You: </span>
              {entry.text}
            </p>
          ) : (
            <MessageView key={entry.id} message={entry.message} chat={chat} />
          ),
        )}
      </Conversation>
      <form className="rill-widget__form" onSubmit={submit}>
        <textarea
          ref={input}
          className="rill-widget__input"
          aria-label="Message"
          rows={2}
          placeholder="Ask anything…"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
        {busy ? (
          <StopButton onStop={stop} {...stopFocus} className="rill-widget__action" />
        ) : (
          <button type="submit" className="rill-button rill-button--primary rill-widget__action">
            Send
          </button>
        )}
      </form>
    </section>
  );
}
