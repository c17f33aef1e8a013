import { act, cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CodeBlock, Markdown } from './index.js';

// An IntersectionObserver the test drives: `intersect(element)` reports it near the viewport.
const watched = new Map<Element, IntersectionObserverCallback>();
class FakeObserver {
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(element: Element) {
    watched.set(element, this.callback);
  }
  unobserve(element: Element) {
    watched.delete(element);
  }
  disconnect() {}
}
function intersect(element: Element) {
  const callback = watched.get(element);
  const entry = { target: element, isIntersecting: true } as IntersectionObserverEntry;
  act(() => callback?.([entry], {} as IntersectionObserver));
}

beforeEach(() => vi.stubGlobal('IntersectionObserver', FakeObserver));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  watched.clear();
});

const LOAD = { timeout: 15_000 };
const fence = (code: string) => `\`\`\`ts\n${code}\n\`\`\``;
const isHighlighted = (root: HTMLElement) => root.querySelector('.rill-code[data-highlighted]') !== null;

describe('highlighting done blocks as they come near the viewport', () => {
  it('leaves a done block plain until it is near the viewport, then highlights it', async () => {
    const warm = render(<CodeBlock code="let warm = 1;" language="ts" />);
    await waitFor(() => expect(isHighlighted(warm.container)).toBe(true), LOAD);
    cleanup();

    const code = 'export const far = "below the fold";';
    const { container } = render(<Markdown text={fence(code)} />);
    const block = container.querySelector('.rill-code');
    expect(block).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(isHighlighted(container)).toBe(false);
    expect(watched.has(block as Element)).toBe(true);

    intersect(block as Element);
    await waitFor(() => expect(isHighlighted(container)).toBe(true), LOAD);
    expect(container.querySelector('code')?.textContent).toBe(code);
    expect(watched.size).toBe(0);
  });

  it('shows a block highlighted before at once, near the viewport or not (a remount never goes plain)', async () => {
    const code = 'export const seen = "highlighted once";';
    const first = render(<Markdown text={fence(code)} />);
    intersect(first.container.querySelector('.rill-code') as Element);
    await waitFor(() => expect(isHighlighted(first.container)).toBe(true), LOAD);
    first.unmount();

    const again = render(<Markdown text={fence(code)} />);
    expect(isHighlighted(again.container)).toBe(true);
  });

  it('highlights a block that is being written without waiting for the viewport', async () => {
    const { container } = render(<Markdown text={'```ts\nconst growing = 1;\n'} streaming />);
    await waitFor(() => expect(isHighlighted(container)).toBe(true), LOAD);
    expect(watched.size).toBe(0);
  });
});
