import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StreamingText } from './index.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const text = 'The quick brown fox jumps over the lazy dog.';
const busy = () => screen.getByText(/The quick/).getAttribute('aria-busy');
const caret = (container: HTMLElement) => container.querySelector('.rill-caret');

function preferReducedMotion(reduce: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: reduce && query.includes('reduce'),
    media: query,
    addEventListener() {},
    removeEventListener() {},
  }));
}

describe('StreamingText', () => {
  it('while streaming: busy, with a caret, and catches up with the text', async () => {
    preferReducedMotion(false);
    const { container, rerender } = render(<StreamingText text="The quick" status="streaming" />);
    rerender(<StreamingText text={text} status="streaming" />);
    expect(busy()).toBe('true');
    expect(caret(container)).not.toBeNull();
    await waitFor(() => expect(container.textContent).toBe(text));
  });

  it('once done: the whole text at once, not busy, no caret', () => {
    preferReducedMotion(false);
    const { container, rerender } = render(<StreamingText text="The quick" status="streaming" />);
    rerender(<StreamingText text={text} status="done" />);
    expect(container.textContent).toBe(text);
    expect(busy()).toBe('false');
    expect(caret(container)).toBeNull();
  });

  it('under prefers-reduced-motion: text as it arrives and no caret', () => {
    preferReducedMotion(true);
    const { container, rerender } = render(<StreamingText text="The quick" status="streaming" />);
    rerender(<StreamingText text={text} status="streaming" />);
    expect(container.textContent).toBe(text);
    expect(busy()).toBe('true');
    expect(caret(container)).toBeNull();
  });
});
