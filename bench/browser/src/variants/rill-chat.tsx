import { messageText } from '@rill/core';
import { useChat } from '@rill/react';
import { useEffect, useState } from 'react';
import { pacedFetch } from '../token-stream.js';
import { BenchConversation, type VariantProps } from './bench-conversation.js';

/** Rill: `useChat` (frame-coalesced store) over the OpenAI Chat stream. */
export function RillChat({ pace, onDone }: VariantProps) {
  const [fetcher] = useState(() => pacedFetch('openai-chat', pace));
  const chat = useChat({ provider: 'openai-chat', url: '/bench', model: 'm', fetch: fetcher });
  const { send, status } = chat;
  const last = chat.messages.at(-1);
  const message = last?.role === 'assistant' ? last.message : undefined;
  useEffect(() => send('go'), [send]);
  useEffect(() => {
    if (status === 'done' && message) onDone(messageText(message));
  }, [status, message, onDone]);
  return <BenchConversation message={message} />;
}
