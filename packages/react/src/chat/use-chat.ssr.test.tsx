// @vitest-environment node
import { storagePersistence } from '@rill/core';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { useChat } from './use-chat.js';

function Chat() {
  const chat = useChat({
    provider: 'anthropic',
    url: '/api/anthropic/v1/messages',
    model: 'claude-test',
    persistence: storagePersistence(() => localStorage, 'chat'),
  });
  return <p data-status={chat.status}>{chat.messages.length} messages</p>;
}

describe('useChat on the server', () => {
  it('renders the README persistence pattern where localStorage is not defined, with no request', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    expect(typeof localStorage).toBe('undefined');
    expect(renderToString(<Chat />)).toBe('<p data-status="idle">0<!-- --> messages</p>');
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
