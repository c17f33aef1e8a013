import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Composer } from './index.js';

afterEach(cleanup);

const box = () => screen.getByRole('textbox', { name: 'Message' });
const sendButton = () => screen.getByRole('button', { name: 'Send' });

describe('Composer', () => {
  it('enables Send once there is text; Enter sends the trimmed text and clears the box', async () => {
    const user = userEvent.setup();
    const onSend = vi.fn();
    render(<Composer onSend={onSend} />);
    expect(sendButton()).toHaveProperty('disabled', true);
    await user.type(box(), '   ');
    expect(sendButton()).toHaveProperty('disabled', true);
    await user.type(box(), 'Weather in Paris? ');
    expect(sendButton()).toHaveProperty('disabled', false);
    await user.keyboard('{Enter}');
    expect(onSend).toHaveBeenCalledExactlyOnceWith('Weather in Paris?');
    expect(box()).toHaveProperty('value', '');
    expect(sendButton()).toHaveProperty('disabled', true);
  });

  it('Shift+Enter starts a new line; Enter then sends both lines', async () => {
    const user = userEvent.setup();
    const onSend = vi.fn();
    render(<Composer onSend={onSend} />);
    await user.type(box(), 'first{Shift>}{Enter}{/Shift}second');
    expect(onSend).not.toHaveBeenCalled();
    expect(box()).toHaveProperty('value', 'first\nsecond');
    await user.keyboard('{Enter}');
    expect(onSend).toHaveBeenCalledExactlyOnceWith('first\nsecond');
  });

  it('does not send on the Enter that confirms an IME composition', async () => {
    const user = userEvent.setup();
    const onSend = vi.fn();
    render(<Composer onSend={onSend} />);
    await user.type(box(), 'こんにちは');
    fireEvent.keyDown(box(), { key: 'Enter', isComposing: true });
    expect(onSend).not.toHaveBeenCalled();
    expect(box()).toHaveProperty('value', 'こんにちは');
  });

  it("does not send on Safari's composition-confirming Enter (keyCode 229, isComposing false)", () => {
    const onSend = vi.fn();
    render(<Composer onSend={onSend} />);
    fireEvent.change(box(), { target: { value: 'にほん' } });
    fireEvent.keyDown(box(), { key: 'Enter', keyCode: 229 });
    expect(onSend).not.toHaveBeenCalled();
    fireEvent.keyDown(box(), { key: 'Enter', keyCode: 13 });
    expect(onSend).toHaveBeenCalledExactlyOnceWith('にほん');
  });

  it('moves focus from Stop to the box when the answer ends by itself', () => {
    const view = render(<Composer onSend={() => undefined} onStop={() => undefined} status="streaming" />);
    screen.getByRole('button', { name: 'Stop' }).focus();
    view.rerender(<Composer onSend={() => undefined} onStop={() => undefined} status="idle" />);
    expect(document.activeElement).toBe(box());
  });

  it('leaves focus alone when the answer ends while it is elsewhere', () => {
    const Page = ({ status }: { status: 'streaming' | 'idle' }) => (
      <>
        <Composer onSend={() => undefined} onStop={() => undefined} status={status} />
        <button type="button">Elsewhere</button>
      </>
    );
    const view = render(<Page status="streaming" />);
    screen.getByRole('button', { name: 'Stop' }).focus();
    screen.getByRole('button', { name: 'Elsewhere' }).focus();
    view.rerender(<Page status="idle" />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Elsewhere' }));
  });

  it('clicking Send sends and leaves focus in the box for the next message', async () => {
    const user = userEvent.setup();
    const onSend = vi.fn();
    render(<Composer onSend={onSend} defaultValue="Hello" />);
    await user.click(sendButton());
    expect(onSend).toHaveBeenCalledExactlyOnceWith('Hello');
    expect(document.activeElement).toBe(box());
  });

  it('while streaming: Send is disabled, Enter keeps the draft, and Stop stops', async () => {
    const user = userEvent.setup();
    const onSend = vi.fn();
    const onStop = vi.fn();
    const view = render(<Composer onSend={onSend} onStop={onStop} status="idle" />);
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
    view.rerender(<Composer onSend={onSend} onStop={onStop} status="streaming" />);
    await user.type(box(), 'next question{Enter}');
    expect(onSend).not.toHaveBeenCalled();
    expect(box()).toHaveProperty('value', 'next question');
    expect(sendButton()).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    expect(onStop).toHaveBeenCalledOnce();
    expect(document.activeElement).toBe(box());
    view.rerender(<Composer onSend={onSend} onStop={onStop} status="aborted" />);
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
    await user.keyboard('{Enter}');
    expect(onSend).toHaveBeenCalledExactlyOnceWith('next question');
  });

  it('disabled: nothing can be typed or sent', async () => {
    const user = userEvent.setup();
    const onSend = vi.fn();
    render(<Composer onSend={onSend} disabled defaultValue="queued" />);
    expect(box()).toHaveProperty('disabled', true);
    expect(sendButton()).toHaveProperty('disabled', true);
    await user.type(box(), 'more{Enter}');
    expect(box()).toHaveProperty('value', 'queued');
    expect(onSend).not.toHaveBeenCalled();
  });
});
