import { messageText, type ChatMessage } from '@rill/core';
import { useChat } from '@rill/react';
import { Conversation, MessageView } from '@rill/ui';
import { highlight } from '../variants/bench-conversation.js';
import { useContext, useEffect, useState } from 'react';
import { pacedFetch } from '../token-stream.js';
import { FirstTokenContext } from '../variants/bench-conversation.js';
import type { HistoryProps } from './history-props.js';

/** Rill as its demo renders a chat: `useChat({ initialMessages })`, `Conversation`, one `MessageView` per answer. */
export function RillHistory({ initial, pace, start, onDone }: HistoryProps<ChatMessage>) {
  const [fetcher] = useState(() => pacedFetch('openai-chat', pace));
  const chat = useChat({
    provider: 'openai-chat',
    url: '/bench',
    model: 'm',
    fetch: fetcher,
    initialMessages: initial,
  });
  const { send, status, messages } = chat;
  const onFirstToken = useContext(FirstTokenContext);
  const last = messages.at(-1);
  const answer = messages.length > initial.length && last?.role === 'assistant' ? last.message : undefined;
  useEffect(() => void start.then(() => send('go')), [start, send]);
  const shown = answer !== undefined;
  useEffect(() => {
    if (shown) onFirstToken();
  }, [shown, onFirstToken]);
  useEffect(() => {
    if (status === 'done' && answer) onDone(messageText(answer));
  }, [status, answer, onDone]);
  return (
    <Conversation>
      {messages.map((m) =>
        m.role === 'user' ? (
          <article key={m.id} className="bench-user" aria-label="Your message">
            <p>{m.text}</p>
          </article>
        ) : (
          <MessageView key={m.id} message={m.message} chat={chat} highlight={highlight} />
        ),
      )}
    </Conversation>
  );
}
