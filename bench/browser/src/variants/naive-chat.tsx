import { decodeProvider, readSSE, type Message } from '@rill/core';
import { useEffect, useState } from 'react';
import { pacedFetch } from '../token-stream.js';
import { BenchConversation, type VariantProps } from './bench-conversation.js';

/** The naive page: Rill's decoders, then one `setState` per token. */
export function NaiveChat({ pace, onDone }: VariantProps) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<Message['status']>('streaming');
  useEffect(() => {
    void (async () => {
      const response = await pacedFetch('openai-chat', pace)('/bench');
      for await (const part of decodeProvider('openai-chat', readSSE(response))) {
        if (part.type === 'text-delta') setText((t) => t + part.delta);
      }
      setStatus('done');
    })();
  }, [pace]);
  useEffect(() => {
    if (status === 'done') onDone(text);
  }, [status, text, onDone]);
  return (
    <BenchConversation
      message={text === '' ? undefined : { role: 'assistant', parts: [{ type: 'text', text }], status }}
    />
  );
}
