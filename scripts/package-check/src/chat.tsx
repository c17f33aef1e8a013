import { storagePersistence } from '@rill/core';
import { useChat } from '@rill/react';
import { Composer, Conversation, MessageView, ReconnectBanner, StreamStatus } from '@rill/ui';

// The READMEs' chat: a tool that needs approval, saved in localStorage (read only where it exists), MessageView given the chat.
export function Chat() {
  const chat = useChat({
    provider: 'anthropic',
    url: '/api/anthropic/v1/messages',
    model: 'claude-sonnet-4-6',
    tools: {
      delete_file: {
        inputSchema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
        needsApproval: true,
        execute: async ({ path }) => ({ deleted: path }),
      },
    },
    maxSteps: 5,
    persistence: storagePersistence(() => localStorage, 'chat'),
  });
  return (
    <section>
      <Conversation>
        {chat.messages.map((m) =>
          m.role === 'user' ? <p key={m.id}>{m.text}</p> : <MessageView key={m.id} message={m.message} chat={chat} />,
        )}
      </Conversation>
      {chat.reconnect && <ReconnectBanner reconnect={chat.reconnect} />}
      {chat.metrics && (
        <StreamStatus status={chat.status === 'streaming' ? 'streaming' : 'done'} metrics={chat.metrics} />
      )}
      <Composer status={chat.status} onSend={chat.send} onStop={chat.stop} />
    </section>
  );
}
