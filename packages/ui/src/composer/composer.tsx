'use client';

import type { ChatStatus } from '@rill/core';
import { useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { classNames } from '../class-names.js';
import { StopButton } from '../stop-button/index.js';
import { isSendKey, useStopFocusReturn } from './message-box-keys.js';

/** Props of {@link Composer}. */
export interface ComposerProps {
  /** Called with the trimmed text when the user sends (Enter or "Send"); the box is then cleared. */
  onSend(text: string): void;
  /** Called by "Stop"; without it no Stop button is shown. */
  onStop?: (() => void) | undefined;
  /** The stream's or chat's status: while it runs, Send is disabled and Stop is shown. Default `idle`. */
  status?: ChatStatus | undefined;
  /** Disables typing and sending (e.g. no endpoint yet). */
  disabled?: boolean | undefined;
  /** The text the box starts with. */
  defaultValue?: string | undefined;
  placeholder?: string | undefined;
  /** The textbox's accessible name. Default "Message". */
  label?: string | undefined;
  /** More actions after Send and Stop (e.g. "Regenerate"). */
  children?: ReactNode | undefined;
  className?: string | undefined;
}

// A chat that waits for tools or an approval is still mid-turn: a new message would race it.
const BUSY: ReadonlySet<ChatStatus> = new Set([
  'connecting',
  'streaming',
  'reconnecting',
  'running-tools',
  'awaiting-approval',
]);

/**
 * The message box of a chat: a textarea named "Message" where Enter sends and Shift+Enter starts
 * a new line, a "Send" button (disabled while empty or busy) and, while the stream runs, "Stop".
 *
 * @example
 * const chat = useChat({ url: '/api/chat', provider: 'anthropic', model: 'claude-sonnet-4-6' });
 * <Composer status={chat.status} onSend={chat.send} onStop={chat.stop} />
 */
export function Composer({
  onSend,
  onStop,
  status = 'idle',
  disabled = false,
  defaultValue = '',
  placeholder,
  label = 'Message',
  children,
  className,
}: ComposerProps) {
  const [text, setText] = useState(defaultValue);
  const input = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const busy = BUSY.has(status);
  const canSend = !disabled && !busy && text.trim() !== '';

  const stopFocus = useStopFocusReturn(busy, input);

  const send = (): void => {
    if (!canSend) return;
    onSend(text.trim());
    setText('');
    // A click on Send leaves focus on a button that just became disabled; typing goes on here.
    input.current?.focus();
  };
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (!isSendKey(event)) return;
    event.preventDefault();
    send();
  };
  const stop = (): void => {
    onStop?.();
    input.current?.focus();
  };

  return (
    <form className={classNames('rill-composer', className)} data-state={busy ? 'busy' : 'idle'} onSubmit={submit}>
      <label htmlFor={id} className="rill-visually-hidden">
        {label}
      </label>
      <textarea
        ref={input}
        id={id}
        className="rill-composer__input"
        rows={2}
        value={text}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <div className="rill-composer__actions">
        <button type="submit" className="rill-button rill-button--primary" disabled={!canSend}>
          Send
        </button>
        {busy && onStop && <StopButton onStop={stop} {...stopFocus} />}
        {children}
      </div>
    </form>
  );
}
