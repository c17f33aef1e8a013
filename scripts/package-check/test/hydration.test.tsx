import { renderToString } from 'react-dom/server';
import { render, screen } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { storagePersistence, type ChatMessage } from '@rill/core';
import { expectedMessage } from '@rill/mock';
import { Chat } from '../src/chat.js';

const saved: ChatMessage[] = [
  { id: 'user-1', role: 'user', text: 'What did we say?' },
  {
    id: 'answer-1',
    role: 'assistant',
    message: expectedMessage('anthropic', { parts: [{ type: 'text', text: 'This answer was saved.' }] }),
  },
];

test('server HTML hydrates with saved messages in storage: no mismatch, and the saved messages show', async () => {
  // The server has nothing saved; the browser has the conversation in storage.
  const html = renderToString(<Chat />);
  storagePersistence(() => localStorage, 'chat').save(saved);
  const container = document.body.appendChild(document.createElement('div'));
  container.innerHTML = html;

  const recoverable: unknown[] = [];
  const consoleError = vi.spyOn(console, 'error');
  render(<Chat />, { container, hydrate: true, onRecoverableError: (error) => recoverable.push(error) });

  expect(await screen.findByText('This answer was saved.')).toBeTruthy();
  screen.getByText('What did we say?');
  expect(recoverable).toEqual([]);
  expect(consoleError).not.toHaveBeenCalled();
});
