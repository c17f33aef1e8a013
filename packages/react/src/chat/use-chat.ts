'use client';

import { createChatController, type ChatController, type ChatControllerOptions, type ChatState } from '@rill/core';
import { useGatedStore } from '../lifecycle/use-gated-store.js';

/** The conversation plus its controls. */
export type UseChatResult = ChatState &
  Pick<ChatController, 'send' | 'stop' | 'regenerate' | 'approve' | 'deny' | 'setMessages'>;

/**
 * A conversation with any provider, over the framework-free chat controller: `send`, `stop`,
 * `regenerate`, client tools with an approval flow (`awaiting-approval`, `approve`, `deny`), up to
 * `maxSteps` model turns per message, and optional persistence. Renders at most once per frame.
 * Server rendering and hydration render the conversation as it is before persistence restores it;
 * the restored messages show in the render right after hydration, so the markup always matches.
 * `metrics` is the current (else the last) turn's `StreamMetrics`, measured as it is decoded, and
 * each assistant message carries its own turn's `metrics`.
 *
 * @example
 * function Chat() {
 *   const chat = useChat({
 *     provider: 'openai-chat', url: '/api/openai/v1/chat/completions', model: 'gpt-5-mini',
 *     tools: { get_time: { execute: () => new Date().toISOString() } },
 *     persistence: storagePersistence(() => localStorage, 'chat'),
 *   });
 *   return (
 *     <form onSubmit={(e) => { e.preventDefault(); chat.send(new FormData(e.currentTarget).get('message') as string); }}>
 *       {chat.messages.map((m) => <p key={m.id}>{m.role === 'user' ? m.text : messageText(m.message)}</p>)}
 *       <input name="message" aria-label="Message" /> <button>Send</button>
 *       {chat.status === 'streaming' && <button type="button" onClick={chat.stop}>Stop</button>}
 *       {chat.metrics?.ttftMs !== undefined && <small>first token after {Math.round(chat.metrics.ttftMs)} ms</small>}
 *     </form>
 *   );
 * }
 */
export function useChat<const T>(options: ChatControllerOptions<T>): UseChatResult {
  // The tools' input types are checked where they are written; the controller erases them.
  const { state, store: chat } = useGatedStore(
    createChatController<Record<string, unknown>>,
    options as ChatControllerOptions,
  );
  return {
    ...state,
    send: chat.send,
    stop: chat.stop,
    regenerate: chat.regenerate,
    approve: chat.approve,
    deny: chat.deny,
    setMessages: chat.setMessages,
  };
}
