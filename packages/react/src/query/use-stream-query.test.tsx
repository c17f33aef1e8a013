import { createMockHandlers } from '@rill/mock/msw';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useStreamQuery } from './use-stream-query.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

const options = { queryKey: ['answer', 'hi'], url: 'https://mock.test/v1/chat/completions', provider: 'openai-chat' as const, body: { model: 'gpt-test', stream: true, messages: [{ role: 'user', content: 'hi' }] } };

function Answer({ label }: { label: string }) {
  const { text, message } = useStreamQuery(options);
  return <p data-testid={label} data-status={message?.status}>{text}</p>;
}

describe('useStreamQuery', () => {
  it('streams into the cache once for every component sharing the key', async () => {
    let requests = 0;
    server.use(...createMockHandlers({ scenario: () => (requests++, { parts: [{ type: 'text', text: 'Shared answer.' }] }), timing: { ttftMs: 0, tokenDelayMs: 0 } }));
    const client = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    render(
      <>
        <Answer label="a" />
        <Answer label="b" />
      </>,
      { wrapper },
    );
    await waitFor(() => expect(screen.getByTestId('a').dataset['status']).toBe('done'));
    expect(screen.getByTestId('a').textContent).toBe('Shared answer.');
    expect(screen.getByTestId('b').textContent).toBe('Shared answer.');
    expect(requests).toBe(1);
  });
});
