import { useChat } from '@ai-sdk/react';
import type { Message } from '@rill/core';
import { DefaultChatTransport } from 'ai';
import { useEffect, useState } from 'react';
import { pacedFetch } from '../token-stream.js';
import { BenchConversation, type VariantProps } from './bench-conversation.js';

/** Vercel AI SDK: `@ai-sdk/react` `useChat` (default settings) over its UI message stream. */
export function AiSdkChat({ pace, onDone }: VariantProps) {
  const [transport] = useState(() => new DefaultChatTransport({ api: '/bench', fetch: pacedFetch('ai-sdk-ui', pace) }));
  const { messages, status, sendMessage } = useChat({ transport });
  const last = messages.at(-1);
  const text = last?.role === 'assistant' ? last.parts.map((p) => (p.type === 'text' ? p.text : '')).join('') : '';
  const streaming = status === 'submitted' || status === 'streaming';
  useEffect(() => void sendMessage({ text: 'go' }), [sendMessage]);
  useEffect(() => {
    if (!streaming && text !== '') onDone(text);
  }, [streaming, text, onDone]);
  const message: Message | undefined =
    text === ''
      ? undefined
      : { role: 'assistant', parts: [{ type: 'text', text }], status: streaming ? 'streaming' : 'done' };
  return <BenchConversation message={message} />;
}
