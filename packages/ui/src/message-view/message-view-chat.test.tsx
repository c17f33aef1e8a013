import type { ChatTool } from '@rill/core';
import type { MockProviderOptions, MockScenario } from '@rill/mock';
import { createMockHandlers } from '@rill/mock/msw';
import { useChat } from '@rill/react';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Composer } from '../composer/index.js';
import { Conversation } from '../conversation/index.js';
import { MessageView } from './index.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

let requests = 0;
const serve = (scenario: (body: unknown) => MockScenario, fault?: MockProviderOptions['fault']): void => {
  requests = 0;
  const counted = ({ body }: { body: unknown }): MockScenario => {
    requests += 1;
    return scenario(body);
  };
  server.use(
    ...createMockHandlers({
      timing: { ttftMs: 0, tokenDelayMs: 0 },
      scenario: counted,
      ...(fault !== undefined && { fault }),
    }),
  );
};

/** The README's chat, with the chat passed to each message and nothing else wired. */
function Chat({ tools }: { tools?: Record<string, ChatTool> }) {
  const chat = useChat({
    provider: 'anthropic',
    url: 'https://mock.test/v1/messages',
    model: 'claude-test',
    ...(tools && { tools }),
  });
  return (
    <>
      <Conversation>
        {chat.messages.map((m) =>
          m.role === 'user' ? <p key={m.id}>{m.text}</p> : <MessageView key={m.id} message={m.message} chat={chat} />,
        )}
      </Conversation>
      <Composer status={chat.status} onSend={chat.send} onStop={chat.stop} />
    </>
  );
}

const deleteCall = {
  parts: [{ type: 'tool-call' as const, toolCallId: 'call_1', toolName: 'delete_file', input: { path: 'notes.txt' } }],
};
const done = { parts: [{ type: 'text' as const, text: 'The file is handled.' }] };
const answered = (body: unknown): boolean => JSON.stringify(body).includes('tool_result');

async function ask(text: string): Promise<void> {
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: 'Message' }), text);
  await user.click(screen.getByRole('button', { name: 'Send' }));
}

describe('MessageView in the README chat', () => {
  it('shows a call that needs approval as awaiting approval, not running, and Approve runs it', async () => {
    serve((body) => (answered(body) ? done : deleteCall));
    const execute = vi.fn(() => ({ deleted: true }));
    render(<Chat tools={{ delete_file: { needsApproval: true, execute } }} />);
    await ask('Delete notes.txt');
    const call = await screen.findByRole('group', { name: 'Tool call: delete_file' });
    await waitFor(() => expect(call.getAttribute('data-state')).toBe('awaiting-approval'));
    expect(call.textContent).toContain('Awaiting approval');
    expect(within(call).queryByRole('progressbar')).toBeNull();
    await userEvent.setup().click(within(call).getByRole('button', { name: 'Approve' }));
    await screen.findByText('The file is handled.');
    expect(execute).toHaveBeenCalledOnce();
    expect(screen.getByRole('group', { name: 'Tool call: delete_file' }).textContent).toContain('"deleted": true');
  });

  it('Deny refuses the call: it shows as denied, never runs, and the model is told', async () => {
    serve((body) => (answered(body) ? done : deleteCall));
    const execute = vi.fn();
    render(<Chat tools={{ delete_file: { needsApproval: true, execute } }} />);
    await ask('Delete notes.txt');
    const call = await screen.findByRole('group', { name: 'Tool call: delete_file' });
    await userEvent.setup().click(await within(call).findByRole('button', { name: 'Deny' }));
    await screen.findByText('The file is handled.');
    expect(screen.getByRole('group', { name: 'Tool call: delete_file' }).getAttribute('data-state')).toBe('denied');
    expect(execute).not.toHaveBeenCalled();
  });

  it('offers Retry on an interrupted answer, which asks again', async () => {
    serve(() => ({ parts: [{ type: 'text', text: 'A whole answer, this time.' }] }), {
      type: 'no-terminator',
      times: 1,
    });
    render(<Chat />);
    await ask('Hello');
    const retry = await screen.findByRole('button', { name: 'Retry' });
    expect(screen.getByRole('article', { name: 'Assistant message' }).getAttribute('data-state')).toBe('interrupted');
    await userEvent.setup().click(retry);
    await waitFor(() =>
      expect(screen.getByRole('article', { name: 'Assistant message' }).getAttribute('data-state')).toBe('done'),
    );
    expect(requests).toBe(2);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });
});
