import { useChat } from '@rill/react';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { WidgetOptions } from './options.js';
import { ChatPanel } from './chat-panel.js';
import { sessionPersistence } from './session-persistence.js';

/**
 * The whole widget: a launcher button and the chat panel it opens. The conversation lives here,
 * so closing the panel never loses it, and a stream keeps arriving while the panel is closed.
 *
 * @example <ChatWidget options={{ endpoint: '/api/chat', provider: 'anthropic' }} />
 */
export function ChatWidget({ options }: { options: WidgetOptions }) {
  const {
    endpoint,
    provider,
    model = 'default',
    title = 'Chat',
    greeting,
    theme,
    storageKey = `rill-widget:${endpoint}`,
  } = options;
  const [persistence] = useState(() => sessionPersistence(storageKey));
  const chat = useChat({ provider, url: endpoint, model, persistence });
  const [open, setOpen] = useState(options.open ?? false);
  const launcher = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  const panelId = useId();

  // Focus follows the panel: into the message box on open, back to the launcher on close.
  useEffect(() => {
    if (!open && opened.current) launcher.current?.focus();
    opened.current ||= open;
  }, [open]);

  const close = () => setOpen(false);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      close();
    }
  };

  return (
    <div className="rill-widget" data-theme={theme} onKeyDown={onKeyDown}>
      {open && <ChatPanel id={panelId} title={title} greeting={greeting} chat={chat} onClose={close} />}
      <button
        ref={launcher}
        type="button"
        className="rill-widget__launcher"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={open ? `Close ${title}` : `Open ${title}`}
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" focusable="false">
          {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 5h16v11H9l-5 4z" />}
        </svg>
      </button>
    </div>
  );
}
