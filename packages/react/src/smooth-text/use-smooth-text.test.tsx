import type { StreamStatus } from '@rill/core';
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSmoothText } from './use-smooth-text.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance', 'setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const batch = 'word '.repeat(40);
const advance = (ms: number) => act(() => vi.advanceTimersByTime(ms));

function smooth(initial: { text: string; status: StreamStatus }, maxLagMs = 300) {
  return renderHook((props: { text: string; status: StreamStatus }) => useSmoothText(props.text, { status: props.status, maxLagMs }), { initialProps: initial });
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
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query.includes('reduce'), addEventListener: () => undefined, removeEventListener: () => undefined }));
    const { result, rerender } = smooth({ text: '', status: 'streaming' });
    rerender({ text: batch, status: 'streaming' });
    expect(result.current).toBe(batch);
  });
});
