import { useChat } from '@rill/react';
import { Composer, Conversation, MessageView, ReconnectBanner, StreamStatus } from '@rill/ui';

export function Chat() {
  const chat = useChat({ provider: 'anthropic', url: '/v1/messages', model: 'claude-sonnet-4-6' });
  return (
    <section>
      <Conversation>
        {chat.messages.map((m) => (m.role === 'user' ? <p key={m.id}>{m.text}</p> : <MessageView key={m.id} message={m.message} />))}
      </Conversation>
      {chat.reconnect && <ReconnectBanner reconnect={chat.reconnect} />}
      {chat.metrics && <StreamStatus status={chat.status === 'streaming' ? 'streaming' : 'done'} metrics={chat.metrics} />}
      <Composer status={chat.status} onSend={chat.send} onStop={chat.stop} />
    </section>
  );
}
