import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { mockProviderServer } from '../../test/mock-provider-server.js';
import { useStreamQuery } from './use-stream-query.js';

const mock = mockProviderServer();

const options = {
  queryKey: ['answer', 'hi'],
  url: 'https://mock.test/v1/chat/completions',
  provider: 'openai-chat' as const,
  body: { model: 'gpt-test', stream: true, messages: [{ role: 'user', content: 'hi' }] },
};

function Answer({ label }: { label: string }) {
  const { text, message } = useStreamQuery(options);
  return (
    <p data-testid={label} data-status={message?.status}>
      {text}
    </p>
  );
}

describe('useStreamQuery', () => {
  it('streams into the cache once for every component sharing the key', async () => {
    let requests = 0;
    mock.serve({ scenario: () => (requests++, { parts: [{ type: 'text', text: 'Shared answer.' }] }) });
    const client = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
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
