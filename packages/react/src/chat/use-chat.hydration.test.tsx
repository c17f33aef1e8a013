import { storagePersistence, type ChatMessage } from '@rill/core';
import { act, waitFor } from '@testing-library/react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useChat } from './use-chat.js';

const KEY = 'chat:hydration';
const saved: ChatMessage[] = [
  { id: 'u1', role: 'user', text: 'Is it raining in Paris?' },
  {
    id: 'a1',
    role: 'assistant',
    message: { role: 'assistant', status: 'done', parts: [{ type: 'text', text: 'Not today.' }] },
  },
];

/** The README's persistence pattern, as a page would render it on the server and then hydrate it. */
function Chat() {
  const chat = useChat({
    provider: 'anthropic',
    url: '/api/anthropic/v1/messages',
    model: 'claude-test',
    persistence: storagePersistence(() => localStorage, KEY),
  });
  return (
    <section data-status={chat.status}>
      {chat.messages.length === 0 && <p>No messages yet.</p>}
      {chat.messages.map((m) => (
        <p key={m.id}>
          {m.role === 'user' ? m.text : m.message.parts.map((p) => (p.type === 'text' ? p.text : '')).join('')}
        </p>
      ))}
    </section>
  );
}

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('useChat with persistence, server-rendered and hydrated', () => {
  it('hydrates without a mismatch, then shows the saved conversation', async () => {
    localStorage.setItem(KEY, JSON.stringify(saved));
    // The server has no localStorage.
    vi.stubGlobal('localStorage', undefined);
    const html = renderToString(<Chat />);
    vi.unstubAllGlobals();
    expect(html).toContain('No messages yet.');

    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const errors = vi.spyOn(console, 'error');
    const recoverable = vi.fn();
    await act(async () => {
      root = hydrateRoot(container, <Chat />, { onRecoverableError: recoverable });
    });
    await waitFor(() => expect(container.textContent).toBe('Is it raining in Paris?Not today.'));
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    expect(container.querySelector('section')?.dataset['status']).toBe('idle');
  });
});
