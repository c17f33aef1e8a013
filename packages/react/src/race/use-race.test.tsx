import { createCircuitBreaker, type StreamCandidate, type StreamPart } from '@rill/core';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useRace } from './use-race.js';

afterEach(cleanup);

/** A candidate that waits `delayMs`, then streams `text`; it records whether it was aborted. */
function candidate(id: string, delayMs: number, text: string, aborted: Set<string>): StreamCandidate {
  return {
    id,
    async *start(signal): AsyncGenerator<StreamPart> {
      signal.addEventListener('abort', () => aborted.add(id));
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (signal.aborted) return;
      yield { type: 'text-delta', id: 't', delta: text };
      yield { type: 'done' };
    },
  };
}

describe('useRace', () => {
  it('shows the first candidate to produce a token and aborts the loser', async () => {
    const aborted = new Set<string>();
    const breaker = createCircuitBreaker();
    const candidates = [candidate('slow', 200, 'slow answer', aborted), candidate('fast', 5, 'fast answer', aborted)];
    const { result } = renderHook(() => useRace({ candidates, ttftTimeoutMs: 0, breaker, autoStart: true }));
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.winner).toBe('fast');
    expect(result.current.text).toBe('fast answer');
    expect(aborted.has('slow')).toBe(true);
    expect(result.current.events.some((e) => e.type === 'abort' && e.id === 'slow')).toBe(true);
  });

  it('shows the race log of the state it shows: a re-render between publishes brings no newer events', async () => {
    const aborted = new Set<string>();
    const candidates = [
      candidate('primary', 1000, 'late', aborted),
      candidate('backup', 100, 'backup answer', aborted),
    ];
    const { result, rerender } = renderHook(() => useRace({ candidates, ttftTimeoutMs: 20, autoStart: true }));
    await waitFor(() => expect(result.current.status).toBe('connecting'));
    const shown = result.current.events;
    await new Promise((resolve) => setTimeout(resolve, 50));
    rerender();
    expect(result.current.status).toBe('connecting');
    expect(result.current.events).toBe(shown);
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.winner).toBe('backup');
    expect(result.current.events).toContainEqual({
      type: 'fallback',
      id: 'backup',
      from: 'primary',
      reason: 'timeout',
    });
  });

  it('a restart shows no winner or events of the previous race', async () => {
    const aborted = new Set<string>();
    const candidates = [candidate('fast', 5, 'fast answer', aborted)];
    const { result } = renderHook(() => useRace({ candidates, ttftTimeoutMs: 0, autoStart: true }));
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.winner).toBe('fast');
    act(() => result.current.start());
    expect(result.current.status).toBe('connecting');
    expect(result.current.winner).toBeUndefined();
    expect(result.current.events).toEqual([]);
    await waitFor(() => expect(result.current.status).toBe('done'));
    expect(result.current.winner).toBe('fast');
  });
});
