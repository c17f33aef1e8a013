import { messageText, storagePersistence, type ChatMessage } from '@rill/core';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AUTH,
  MODEL,
  MemoryStorage,
  WHOLE,
  runEnd,
  startRelayStack,
  type RelayStack,
} from '../../../core/test/relay-stack.js';
import { useChat } from './use-chat.js';

// The real @rill/relay on loopback in front of the mock Node server: what counts is what the relay sees.
let stack: RelayStack;
beforeEach(async () => {
  stack = await startRelayStack();
});
afterEach(async () => {
  cleanup();
  await stack.close();
});

/** A chat page as an app writes it: useChat with persistence, and nothing about runs. */
function ChatPage({ storage, onFinish }: { storage: MemoryStorage; onFinish?: () => void }) {
  const chat = useChat({
    provider: 'anthropic',
    url: stack.url,
    model: MODEL,
    headers: AUTH,
    throttle: 1,
    persistence: storagePersistence(storage, 'chat:a'),
    onFinish,
  });
  const last = chat.messages[chat.messages.length - 1];
  return (
    <div>
      <p data-testid="answer">{last?.role === 'assistant' ? messageText(last.message) : ''}</p>
      <p data-testid="status">{chat.status}</p>
      <button onClick={() => chat.send('Hello')}>Send</button>
      <button onClick={chat.stop}>Stop</button>
    </div>
  );
}

const answer = (): string => screen.getByTestId('answer').textContent ?? '';
const midAnswer = (): void => expect(answer().split(' ').length).toBeGreaterThanOrEqual(10);
const savedAnswer = (storage: MemoryStorage) => (JSON.parse(storage.getItem('chat:a') ?? '[]') as ChatMessage[]).at(-1);

describe('useChat through @rill/relay', () => {
  it('continues an answer after a reload: the page saved it on pagehide, the reloaded page shows it at once and ends with the whole answer', async () => {
    const storage = new MemoryStorage();
    const first = render(<ChatPage storage={storage} />);
    act(() => screen.getByRole('button', { name: 'Send' }).click());
    await waitFor(midAnswer);
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    // What the reloaded page finds: the page is gone without unmounting.
    const reloaded = storage.copy();
    const kept = savedAnswer(reloaded);
    expect(kept).toMatchObject({
      role: 'assistant',
      message: { status: 'streaming' },
      run: { runId: expect.stringMatching(/^run_/) },
    });
    first.unmount();

    render(<ChatPage storage={reloaded} />);
    const keptText = kept?.role === 'assistant' ? messageText(kept.message) : '';
    expect(keptText.split(' ').length).toBeGreaterThanOrEqual(10);
    expect(answer()).toBe(keptText);
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('done'));
    expect(answer()).toBe(messageText(WHOLE));
    expect(savedAnswer(reloaded)).toMatchObject({ id: kept?.id, message: WHOLE });
    expect(savedAnswer(reloaded)).not.toHaveProperty('run');
    expect(stack.stops()).toEqual([]);
  });

  it('re-attaches with one connection and one onFinish under StrictMode', async () => {
    const storage = new MemoryStorage();
    const first = render(<ChatPage storage={storage} />);
    act(() => screen.getByRole('button', { name: 'Send' }).click());
    await waitFor(midAnswer);
    first.unmount();
    const sent = stack.requests.length;

    const onFinish = vi.fn();
    render(
      <StrictMode>
        <ChatPage storage={storage} onFinish={onFinish} />
      </StrictMode>,
    );
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('done'));
    expect(answer()).toBe(messageText(WHOLE));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stack.requests.slice(sent)).toEqual([expect.stringMatching(/^GET \/rill\/runs\/run_/)]);
    expect(onFinish).toHaveBeenCalledTimes(1);
  });

  it('Stop ends the generation upstream with exactly one stop request', async () => {
    const storage = new MemoryStorage();
    render(<ChatPage storage={storage} />);
    act(() => screen.getByRole('button', { name: 'Send' }).click());
    await waitFor(midAnswer);
    const saved = savedAnswer(storage);
    const run = saved?.role === 'assistant' ? saved.run : undefined;
    act(() => screen.getByRole('button', { name: 'Stop' }).click());

    expect(screen.getByTestId('status').textContent).toBe('aborted');
    expect(await runEnd(run?.resumeUrl ?? '')).toEqual({ status: 'aborted' });
    expect(stack.stops()).toEqual([`POST /rill/runs/${run?.runId}/stop`]);
  });
});
