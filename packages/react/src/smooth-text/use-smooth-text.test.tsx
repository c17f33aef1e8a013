import type { StreamStatus } from '@rill/core';
import { act, cleanup, renderHook } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSmoothText } from './use-smooth-text.js';

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance', 'setTimeout', 'clearTimeout'],
  });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const batch = 'word '.repeat(40);
const advance = (ms: number) => act(() => vi.advanceTimersByTime(ms));

function smooth(initial: { text: string; status: StreamStatus }, maxLagMs = 300) {
  return renderHook(
    (props: { text: string; status: StreamStatus }) => useSmoothText(props.text, { status: props.status, maxLagMs }),
    { initialProps: initial },
  );
}

describe('useSmoothText', () => {
  it('spreads a chunky batch over several frames, never lagging more than maxLagMs', () => {
    const { result, rerender } = smooth({ text: '', status: 'streaming' });
    rerender({ text: batch, status: 'streaming' });
    advance(16);
    const early = result.current.length;
    expect(early).toBeGreaterThan(0);
    expect(early).toBeLessThan(batch.length);
    advance(64);
    expect(result.current.length).toBeGreaterThan(early);
    expect(batch.startsWith(result.current)).toBe(true);
    advance(300);
    expect(result.current).toBe(batch);
  });

  it('catches up at once when the stream ends', () => {
    const { result, rerender } = smooth({ text: '', status: 'streaming' });
    rerender({ text: batch, status: 'streaming' });
    advance(16);
    expect(result.current.length).toBeLessThan(batch.length);
    rerender({ text: batch, status: 'done' });
    expect(result.current).toBe(batch);
  });

  it('shows text as it arrives under prefers-reduced-motion', () => {
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query.includes('reduce'),
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }));
    const { result, rerender } = smooth({ text: '', status: 'streaming' });
    rerender({ text: batch, status: 'streaming' });
    expect(result.current).toBe(batch);
  });

  it('starts over from zero when the same hook gets a new, shorter text (a new stream)', () => {
    const { result, rerender } = smooth({ text: '', status: 'streaming' });
    rerender({ text: batch, status: 'streaming' });
    advance(400);
    expect(result.current).toBe(batch);
    const next = 'A second answer, '.repeat(5);
    rerender({ text: '', status: 'connecting' });
    expect(result.current).toBe('');
    rerender({ text: next, status: 'streaming' });
    expect(result.current).toBe('');
    advance(16);
    expect(result.current.length).toBeGreaterThan(0);
    expect(result.current.length).toBeLessThan(next.length);
    expect(next.startsWith(result.current)).toBe(true);
    advance(300);
    expect(result.current).toBe(next);
  });

  it('starts over when a new text as long as the old one does not continue it (no key needed)', () => {
    const { result, rerender } = smooth({ text: '', status: 'streaming' });
    rerender({ text: batch, status: 'streaming' });
    advance(400);
    expect(result.current).toBe(batch);
    const next = `${'Another answer. '.repeat(10)}${batch}`;
    rerender({ text: next, status: 'streaming' });
    expect(result.current).toBe('');
    advance(16);
    expect(result.current.length).toBeGreaterThan(0);
    expect(result.current.length).toBeLessThan(batch.length);
    expect(next.startsWith(result.current)).toBe(true);
    advance(400);
    expect(result.current).toBe(next);
  });

  it('keeps revealing, not restarting, while the text grows', () => {
    const { result, rerender } = smooth({ text: '', status: 'streaming' });
    rerender({ text: batch, status: 'streaming' });
    advance(32);
    const before = result.current.length;
    expect(before).toBeGreaterThan(0);
    rerender({ text: `${batch} and more`, status: 'streaming' });
    expect(result.current.length).toBe(before);
  });

  it('starts over even when the new text arrives in one piece, shorter than the old one', () => {
    const { result, rerender } = smooth({ text: '', status: 'streaming' });
    rerender({ text: batch, status: 'streaming' });
    advance(400);
    const next = 'word '.repeat(20).replace(/w/g, 'v');
    rerender({ text: next, status: 'streaming' });
    expect(result.current).toBe('');
    advance(16);
    expect(result.current.length).toBeLessThan(next.length);
    expect(next.startsWith(result.current)).toBe(true);
  });

  it('reveals at the same pace under StrictMode, which runs state updaters and mount effects twice', () => {
    const text = 'x'.repeat(400);
    const sample = (wrapper?: typeof StrictMode) => {
      const { result, rerender, unmount } = renderHook(
        (props: { text: string }) => useSmoothText(props.text, { status: 'streaming' }),
        { initialProps: { text: '' }, ...(wrapper !== undefined && { wrapper }) },
      );
      rerender({ text });
      const lengths: number[] = [];
      // One sample per 16 ms frame, so both runs see frames at the same times.
      for (let i = 0; i < 8; i += 1) {
        advance(16);
        lengths.push(result.current.length);
      }
      unmount();
      return lengths;
    };
    const plain = sample();
    const strict = sample(StrictMode);
    expect(strict).toEqual(plain);
    expect(strict.at(-1)).toBeGreaterThan(300);
  });
});
