import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Conversation } from './index.js';

afterEach(cleanup);

// jsdom has no layout: give the log a fixed viewport over content of a given height.
function layout(el: HTMLElement, scrollHeight: number) {
  Object.defineProperty(el, 'clientHeight', { configurable: true, value: 200 });
  Object.defineProperty(el, 'scrollHeight', { configurable: true, value: scrollHeight });
}

function Messages({ count }: { count: number }) {
  return (
    <Conversation>
      {Array.from({ length: count }, (_, i) => (
        <p key={i}>message {i}</p>
      ))}
    </Conversation>
  );
}

describe('Conversation', () => {
  it('is a polite log named "Conversation"', () => {
    render(<Messages count={1} />);
    const log = screen.getByRole('log', { name: 'Conversation' });
    expect(log.getAttribute('aria-live')).toBe('polite');
  });

  it('sticks to the bottom as content grows', () => {
    const { rerender } = render(<Messages count={1} />);
    const log = screen.getByRole('log');
    layout(log, 1000);
    rerender(<Messages count={2} />);
    expect(log.scrollTop).toBe(1000);
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
  });

  it('after the user scrolls up it stays put and offers "Jump to latest"', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<Messages count={1} />);
    const log = screen.getByRole('log');
    layout(log, 1000);
    log.scrollTop = 300;
    fireEvent.scroll(log);
    layout(log, 1400);
    rerender(<Messages count={2} />);
    expect(log.scrollTop).toBe(300);
    await user.click(screen.getByRole('button', { name: 'Jump to latest' }));
    expect(log.scrollTop).toBe(1400);
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
    layout(log, 1800);
    rerender(<Messages count={3} />);
    expect(log.scrollTop).toBe(1800);
  });
});
