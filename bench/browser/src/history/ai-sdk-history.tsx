import { useChat } from '@ai-sdk/react';
import { Conversation } from '@rill/ui';
import { DefaultChatTransport, type UIMessage } from 'ai';
import { memo, useContext, useEffect, useState } from 'react';
import Markdown from 'react-markdown';
import { pacedFetch } from '../token-stream.js';
import { FirstTokenContext } from '../variants/bench-conversation.js';
import type { HistoryProps } from './history-props.js';

/** What an AI SDK chat renders per message: react-markdown for text, reasoning in a disclosure, a card per tool call; memoised, as the AI SDK's docs advise. */
const AiSdkMessage = memo(function AiSdkMessage({ message }: { message: UIMessage }) {
  return (
    <article className="bench-message" aria-label={message.role === 'user' ? 'Your message' : 'Assistant message'}>
      {message.parts.map((part, i) => {
        if (part.type === 'text')
          return message.role === 'user' ? <p key={i}>{part.text}</p> : <Markdown key={i}>{part.text}</Markdown>;
        if (part.type === 'reasoning')
          return (
            <details key={i}>
              <summary>Reasoning</summary>
              <p>{part.text}</p>
            </details>
          );
        if (part.type.startsWith('tool-') && 'toolCallId' in part)
          return (
            <section key={i} className="bench-tool" aria-label={part.type.slice(5)}>
              <strong>{part.type.slice(5)}</strong>
              <pre>{JSON.stringify(part.input, null, 2)}</pre>
              {part.state === 'output-available' && <pre>{JSON.stringify(part.output, null, 2)}</pre>}
            </section>
          );
        return null;
      })}
    </article>
  );
});

/** Vercel AI SDK: `useChat({ messages })` (default settings) and react-markdown, in the same scrolling log. */
export function AiSdkHistory({ initial, pace, start, onDone }: HistoryProps<UIMessage>) {
  const [transport] = useState(() => new DefaultChatTransport({ api: '/bench', fetch: pacedFetch('ai-sdk-ui', pace) }));
  const { messages, status, sendMessage } = useChat({ transport, messages: initial });
  const onFirstToken = useContext(FirstTokenContext);
  const last = messages.at(-1);
  const text =
    messages.length > initial.length && last?.role === 'assistant'
      ? last.parts.map((p) => (p.type === 'text' ? p.text : '')).join('')
      : '';
  const streaming = status === 'submitted' || status === 'streaming';
  useEffect(() => void start.then(() => sendMessage({ text: 'go' })), [start, sendMessage]);
  const shown = text !== '';
  useEffect(() => {
    if (shown) onFirstToken();
  }, [shown, onFirstToken]);
  useEffect(() => {
    if (!streaming && text !== '') onDone(text);
  }, [streaming, text, onDone]);
  return (
    <Conversation>
      {messages.map((m) => (
        <AiSdkMessage key={m.id} message={m} />
      ))}
    </Conversation>
  );
}
