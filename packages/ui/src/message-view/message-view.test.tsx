import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '@rill/core';
import { assistantMessage, toolCall } from '../../test/fixtures.js';
import { MessageView } from './index.js';

afterEach(cleanup);

/** `message`, counting its renders: rendering reads `parts`, so counting the reads counts the renders. */
function countedRenders(message: Message): { message: Message; renders: () => number } {
  let reads = 0;
  const counted: Message = {
    ...message,
    get parts() {
      reads += 1;
      return message.parts;
    },
  };
  return { message: counted, renders: () => reads };
}

describe('MessageView', () => {
  it('renders reasoning, tool calls and Markdown text in order', () => {
    render(<MessageView message={assistantMessage('done')} />);
    const article = screen.getByRole('article', { name: 'Assistant message' });
    expect(article.getAttribute('aria-busy')).toBe('false');
    expect(screen.getByRole('button', { name: 'Reasoning' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Tool call: get_weather' })).toBeTruthy();
    expect(screen.getByText('18 °C').tagName).toBe('STRONG');
  });

  it('highlights fenced code by default, and shows it plain with highlight={false}', async () => {
    const code = 'const answer: number = 42;';
    const message = {
      ...assistantMessage('done'),
      parts: [{ type: 'text' as const, text: `\`\`\`ts\n${code}\n\`\`\`` }],
    };
    const plain = render(<MessageView message={message} highlight={false} />);
    const highlighted = render(<MessageView message={message} />);
    await waitFor(() => expect(highlighted.container.querySelector('.rill-code[data-highlighted]')).not.toBeNull(), {
      timeout: 15_000,
    });
    expect(plain.container.querySelector('.rill-code[data-highlighted]')).toBeNull();
    expect(plain.container.querySelector('code')?.textContent).toBe(code);
  });

  it('is busy while streaming', () => {
    render(<MessageView message={{ ...assistantMessage('streaming'), parts: [{ type: 'text', text: 'Hel' }] }} />);
    expect(screen.getByRole('article').getAttribute('aria-busy')).toBe('true');
  });

  it('keeps the partial answer of an interrupted message and offers Retry', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    render(<MessageView message={assistantMessage('interrupted', 'It will be 18')} onRetry={onRetry} />);
    expect(screen.getByText('It will be 18')).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain('The connection dropped after 42 events.');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('announces an error', () => {
    render(<MessageView message={assistantMessage('error')} onRetry={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toContain('The provider answered 500.');
  });

  it('says a stopped answer was stopped', () => {
    render(<MessageView message={assistantMessage('aborted')} />);
    expect(screen.getByText('Stopped.')).toBeTruthy();
  });

  it('does not re-render an earlier message while the last one streams', () => {
    const { message: counted, renders } = countedRenders(assistantMessage('done'));
    const onRetry = () => undefined;
    const Log = ({ text }: { text: string }) => (
      <div>
        <MessageView message={counted} onRetry={onRetry} />
        <MessageView
          message={{ role: 'assistant', status: 'streaming', parts: [{ type: 'text', text }] }}
          onRetry={onRetry}
        />
      </div>
    );
    const view = render(<Log text="It" />);
    const before = renders();
    for (const text of ['It will', 'It will rain', 'It will rain later']) view.rerender(<Log text={text} />);
    expect(screen.getAllByRole('article')[1]?.textContent).toBe('It will rain later');
    expect(renders()).toBe(before);
  });

  it('given the chat, Approve and Deny on a call waiting for approval call its approve and deny', async () => {
    const user = userEvent.setup();
    const message: Message = {
      role: 'assistant',
      status: 'done',
      parts: [toolCall('approval-requested', { toolName: 'send_email' })],
      finishReason: 'tool-calls',
    };
    const chat = {
      messages: [{ id: 'a', role: 'assistant' as const, message }],
      approve: vi.fn(),
      deny: vi.fn(),
      regenerate: vi.fn(),
    };
    render(<MessageView message={message} chat={chat} />);
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    expect(chat.approve).toHaveBeenCalledWith('call_1');
    await user.click(screen.getByRole('button', { name: 'Deny' }));
    expect(chat.deny).toHaveBeenCalledWith('call_1');
  });

  it('an explicit onApprove wins over the chat', async () => {
    const user = userEvent.setup();
    const onApprove = vi.fn();
    const message: Message = {
      role: 'assistant',
      status: 'done',
      parts: [toolCall('approval-requested')],
      finishReason: 'tool-calls',
    };
    const chat = { messages: [], approve: vi.fn(), deny: vi.fn(), regenerate: vi.fn() };
    render(<MessageView message={message} chat={chat} onApprove={onApprove} />);
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    expect(onApprove).toHaveBeenCalledWith(message.parts[0]);
    expect(chat.approve).not.toHaveBeenCalled();
  });

  it('given the chat, offers Retry on its last answer only', async () => {
    const user = userEvent.setup();
    const older = assistantMessage('interrupted', 'It will');
    const last = assistantMessage('interrupted', 'It will be 18');
    const chat = {
      messages: [
        { id: 'a', role: 'assistant' as const, message: older },
        { id: 'u', role: 'user' as const, text: 'Again?' },
        { id: 'b', role: 'assistant' as const, message: last },
      ],
      approve: vi.fn(),
      deny: vi.fn(),
      regenerate: vi.fn(),
    };
    render(
      <>
        <MessageView message={older} chat={chat} />
        <MessageView message={last} chat={chat} />
      </>,
    );
    const [first, second] = screen.getAllByRole('article');
    expect(within(first as HTMLElement).queryByRole('button', { name: 'Retry' })).toBeNull();
    await user.click(within(second as HTMLElement).getByRole('button', { name: 'Retry' }));
    expect(chat.regenerate).toHaveBeenCalledOnce();
  });

  it('given the chat, does not re-render an earlier message while the last one streams, though the chat object is new each time', () => {
    const { message: counted, renders } = countedRenders(assistantMessage('done'));
    const actions = { approve: vi.fn(), deny: vi.fn(), regenerate: vi.fn() };
    const Log = ({ text }: { text: string }) => {
      const streaming: Message = { role: 'assistant', status: 'streaming', parts: [{ type: 'text', text }] };
      const chat = {
        ...actions,
        messages: [
          { id: 'a', role: 'assistant' as const, message: counted },
          { id: 'b', role: 'assistant' as const, message: streaming },
        ],
      };
      return (
        <div>
          <MessageView message={counted} chat={chat} />
          <MessageView message={streaming} chat={chat} />
        </div>
      );
    };
    const view = render(<Log text="It" />);
    const before = renders();
    for (const text of ['It will', 'It will rain', 'It will rain later']) view.rerender(<Log text={text} />);
    expect(screen.getAllByRole('article')[1]?.textContent).toBe('It will rain later');
    expect(renders()).toBe(before);
  });
});

describe('MessageView with hostile or malformed parts', () => {
  it('shows a tool input nested past the call stack as the text that arrived', () => {
    const inputText = '['.repeat(200_000);
    let input: unknown = [];
    for (let i = 0; i < 200_000; i++) input = [input];
    const part = { ...toolCall('input-streaming'), inputText, input };
    render(<MessageView message={{ ...assistantMessage('streaming'), parts: [part] }} />);
    expect(screen.getByRole('group', { name: `Tool call: ${part.toolName}` }).textContent).toContain('[[[[');
  });

  it('shows a part that cannot render as plain text with a note, and the other parts as usual', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const silence = (event: ErrorEvent) => event.preventDefault(); // React 18 reports caught errors as window errors too
    window.addEventListener('error', silence);
    // A stored message edited by hand or written by an older version: text that is not a string.
    const malformed = { type: 'text', text: { html: '<b>x</b>' } } as unknown as Message['parts'][number];
    render(
      <MessageView
        message={{ ...assistantMessage('done'), parts: [malformed, { type: 'text', text: 'Still **fine**' }] }}
      />,
    );
    window.removeEventListener('error', silence);
    expect(screen.getByRole('note').textContent).toBe('This part could not be formatted; it is shown as plain text.');
    expect(screen.getByText('[object Object]')).toBeTruthy();
    expect(screen.getByText('fine').tagName).toBe('STRONG');
    vi.restoreAllMocks();
  });
});
