import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '@rill/core';
import { assistantMessage, toolCall } from '../../test/fixtures.js';
import { MessageView } from './index.js';

afterEach(cleanup);

describe('MessageView', () => {
  it('renders reasoning, tool calls and Markdown text in order', () => {
    render(<MessageView message={assistantMessage('done')} />);
    const article = screen.getByRole('article', { name: 'Assistant message' });
    expect(article.getAttribute('aria-busy')).toBe('false');
    expect(screen.getByRole('button', { name: 'Reasoning' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Tool call: get_weather' })).toBeTruthy();
    expect(screen.getByText('18 °C').tagName).toBe('STRONG');
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
    const earlier = assistantMessage('done');
    let renders = 0;
    // Rendering reads `parts`: counting the reads counts the renders of the earlier message.
    const counted: Message = {
      ...earlier,
      get parts() {
        renders += 1;
        return earlier.parts;
      },
    };
    const onRetry = () => undefined;
    const Log = ({ text }: { text: string }) => (
      <div>
        <MessageView message={counted} onRetry={onRetry} />
        <MessageView message={{ role: 'assistant', status: 'streaming', parts: [{ type: 'text', text }] }} onRetry={onRetry} />
      </div>
    );
    const view = render(<Log text="It" />);
    const before = renders;
    for (const text of ['It will', 'It will rain', 'It will rain later']) view.rerender(<Log text={text} />);
    expect(screen.getAllByRole('article')[1]?.textContent).toBe('It will rain later');
    expect(renders).toBe(before);
  });

  it('asks for approval on the tool calls that need it', async () => {
    const user = userEvent.setup();
    const onApprove = vi.fn();
    const message: Message = { role: 'assistant', status: 'done', parts: [toolCall('input-available', { toolName: 'send_email' })], finishReason: 'tool-calls' };
    render(<MessageView message={message} needsApproval={(part) => part.toolName === 'send_email'} onApprove={onApprove} />);
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    expect(onApprove).toHaveBeenCalledWith(message.parts[0]);
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
    render(<MessageView message={{ ...assistantMessage('done'), parts: [malformed, { type: 'text', text: 'Still **fine**' }] }} />);
    window.removeEventListener('error', silence);
    expect(screen.getByRole('note').textContent).toBe('This part could not be formatted; it is shown as plain text.');
    expect(screen.getByText('[object Object]')).toBeTruthy();
    expect(screen.getByText('fine').tagName).toBe('STRONG');
    vi.restoreAllMocks();
  });
});
