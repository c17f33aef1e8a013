import { builtinScenarios } from '@rill/mock';
import { startMockServer, type MockServer } from '@rill/mock/node';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useStream, type UseStreamOptions } from './use-stream.js';

// Real HTTP on loopback: what counts is that the server sees its client go away, not only that a reader was cancelled.
let server: MockServer;
const requests: Request[] = [];
beforeAll(async () => {
  server = await startMockServer({
    timing: { ttftMs: 0, tokenDelayMs: 0 },
    scenario: ({ request }) => {
      requests.push(request);
      return builtinScenarios.text;
    },
  });
});
afterEach(() => {
  cleanup();
  requests.length = 0;
  server.provider.reset();
});
afterAll(() => server.close());

const options = (): UseStreamOptions => ({
  url: `${server.url}/v1/chat/completions`,
  provider: 'openai-chat',
  body: { model: 'gpt-test', stream: true, messages: [{ role: 'user', content: 'Hi' }] },
  // Six events, then silence for a minute: the response stays open until someone closes it.
  headers: { 'x-rill-mock-fault': 'stall=60000;after=6' },
  autoStart: true,
  throttle: 1,
});

function Answer() {
  const { text, status, stop } = useStream(options());
  return (
    <div>
      <p data-testid="text">{text}</p>
      <p data-testid="status">{status}</p>
      <button onClick={stop}>Stop</button>
    </div>
  );
}

/** Resolves when the server saw the connection of its only request close before the response finished. */
const serverSawClose = (): Promise<void> =>
  new Promise((resolve) => {
    const signal = requests[0]?.signal;
    if (signal === undefined) throw new Error('no request reached the server');
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });

describe('useStream over real HTTP (@rill/mock Node server)', () => {
  it('stop() closes the connection: the server sees its client go away', async () => {
    render(<Answer />);
    await waitFor(() => expect(screen.getByTestId('text').textContent).not.toBe(''));
    expect(requests[0]?.signal.aborted).toBe(false);
    act(() => screen.getByRole('button', { name: 'Stop' }).click());
    expect(screen.getByTestId('status').textContent).toBe('aborted');
    await serverSawClose();
    expect(requests).toHaveLength(1);
  });

  it('unmount closes the connection', async () => {
    const view = render(<Answer />);
    await waitFor(() => expect(screen.getByTestId('text').textContent).not.toBe(''));
    expect(requests[0]?.signal.aborted).toBe(false);
    view.unmount();
    await serverSawClose();
  });
});
