import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreamPart } from '../message/types.js';
import { drain, reply, scriptedCandidate } from '../../test/scripted-candidate.js';
import { createCircuitBreaker, race, type RaceEvent } from './index.js';

const text = (parts: StreamPart[]) => parts.map((p) => (p.type === 'text-delta' ? p.delta : '')).join('');
const providerError = (at: number): { at: number; part: StreamPart } => ({
  at,
  part: { type: 'error', error: { kind: 'provider', message: 'overloaded', retryable: true } },
});

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

function raceOf(...candidates: ReturnType<typeof scriptedCandidate>[]) {
  const events: RaceEvent[] = [];
  const onEvent = (event: RaceEvent) => events.push(event);
  return { events, onEvent, list: candidates.map((c) => c.candidate) };
}

describe('race', () => {
  it('keeps the primary when its first token comes in time and never starts the fallback', async () => {
    const primary = scriptedCandidate('primary', reply('m1', 'Hello', 100));
    const fallback = scriptedCandidate('fallback', reply('m2', 'Other', 10));
    const { events, onEvent, list } = raceOf(primary, fallback);
    const out = drain(race(list, { ttftTimeoutMs: 500, onEvent }));
    await vi.runAllTimersAsync();
    const parts = await out.done;

    expect(text(parts)).toBe('Hello');
    expect(parts.at(-1)).toEqual({ type: 'done' });
    expect(fallback.log.startedAt).toBeUndefined();
    expect(events).toEqual([
      { type: 'start', id: 'primary' },
      { type: 'winner', id: 'primary' },
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('starts the fallback after the timeout, keeps the first to produce a token and aborts the other', async () => {
    // The primary sends message-start early but its first token only at 2000 ms.
    const primary = scriptedCandidate('primary', [
      { at: 50, part: { type: 'message-start', id: 'p' } },
      ...reply('p', 'Late', 2000),
    ]);
    const fallback = scriptedCandidate('fallback', reply('f', 'Quick', 100));
    const { events, onEvent, list } = raceOf(primary, fallback);
    const out = drain(race(list, { ttftTimeoutMs: 500, onEvent }));

    await vi.advanceTimersByTimeAsync(499);
    expect(fallback.log.startedAt).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(fallback.log.startedAt).toBe(500);
    await vi.runAllTimersAsync();
    const parts = await out.done;

    expect(text(parts)).toBe('Quick');
    expect(parts[0]).toEqual({ type: 'message-start', id: 'f' });
    expect(parts.some((p) => p.type === 'message-start' && p.id === 'p')).toBe(false);
    expect(primary.log.signal?.aborted).toBe(true);
    expect(primary.log.closed).toBe(true);
    expect(fallback.log.signal?.aborted).toBe(false);
    expect(events).toEqual([
      { type: 'start', id: 'primary' },
      { type: 'fallback', id: 'fallback', from: 'primary', reason: 'timeout' },
      { type: 'start', id: 'fallback' },
      { type: 'winner', id: 'fallback' },
      { type: 'abort', id: 'primary' },
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('still lets a late primary win when its token beats the fallback', async () => {
    const primary = scriptedCandidate('primary', reply('p', 'Primary', 600));
    const fallback = scriptedCandidate('fallback', reply('f', 'Fallback', 400));
    const { list } = raceOf(primary, fallback);
    const out = drain(race(list, { ttftTimeoutMs: 500 }));
    await vi.runAllTimersAsync();
    expect(text(await out.done)).toBe('Primary');
    expect(fallback.log.signal?.aborted).toBe(true);
  });

  it('starts the fallback at once when the primary fails before its first token, without leaking its parts', async () => {
    const primary = scriptedCandidate('primary', [
      { at: 20, part: { type: 'message-start', id: 'p' } },
      providerError(80),
    ]);
    const fallback = scriptedCandidate('fallback', reply('f', 'Saved', 30));
    const { events, onEvent, list } = raceOf(primary, fallback);
    const out = drain(race(list, { ttftTimeoutMs: 5000, onEvent }));
    await vi.advanceTimersByTimeAsync(80);
    expect(fallback.log.startedAt).toBe(80);
    await vi.runAllTimersAsync();
    const parts = await out.done;

    expect(text(parts)).toBe('Saved');
    expect(parts.filter((p) => p.type === 'error' || (p.type === 'message-start' && p.id === 'p'))).toEqual([]);
    expect(events).toContainEqual({
      type: 'failure',
      id: 'primary',
      error: { kind: 'provider', message: 'overloaded', retryable: true },
    });
    expect(events).toContainEqual({ type: 'fallback', id: 'fallback', from: 'primary', reason: 'failure' });
  });

  it('treats a thrown error and an end without a token as failures', async () => {
    const throwing = scriptedCandidate('throwing', [{ at: 10, throws: new TypeError('Failed to fetch') }]);
    const empty = scriptedCandidate('empty', [{ at: 10, part: { type: 'message-start' } }]);
    const good = scriptedCandidate('good', reply('g', 'Fine', 10));
    const { events, onEvent, list } = raceOf(throwing, empty, good);
    const out = drain(race(list, { ttftTimeoutMs: 5000, onEvent }));
    await vi.runAllTimersAsync();

    expect(text(await out.done)).toBe('Fine');
    expect(events.filter((e) => e.type === 'failure')).toEqual([
      { type: 'failure', id: 'throwing', error: { kind: 'network', message: 'Failed to fetch', retryable: true } },
      {
        type: 'failure',
        id: 'empty',
        error: { kind: 'interrupted', message: 'empty ended before its first token.', retryable: true },
      },
    ]);
  });

  it('walks a chain of three: timeout, then failure, then a winner', async () => {
    const slow = scriptedCandidate('slow', [{ at: 0, hang: true }]);
    const broken = scriptedCandidate('broken', [providerError(100)]);
    const third = scriptedCandidate('third', reply('t', 'Third', 50));
    const { events, onEvent, list } = raceOf(slow, broken, third);
    const out = drain(race(list, { ttftTimeoutMs: 300, onEvent }));
    await vi.runAllTimersAsync();

    expect(text(await out.done)).toBe('Third');
    expect(broken.log.startedAt).toBe(300);
    expect(third.log.startedAt).toBe(400);
    expect(slow.log.signal?.aborted).toBe(true);
    expect(events.filter((e) => e.type === 'winner' || e.type === 'abort')).toEqual([
      { type: 'winner', id: 'third' },
      { type: 'abort', id: 'slow' },
    ]);
  });

  it('does not start a third candidate when an overdue one fails while a fresh one still has time', async () => {
    const primary = scriptedCandidate('primary', [providerError(300)]);
    const fallback = scriptedCandidate('fallback', reply('f', 'Second', 150));
    const third = scriptedCandidate('third', reply('t', 'Third', 10));
    const { list } = raceOf(primary, fallback, third);
    const out = drain(race(list, { ttftTimeoutMs: 200 }));
    await vi.runAllTimersAsync();
    expect(text(await out.done)).toBe('Second');
    expect(third.log.startedAt).toBeUndefined();
  });

  it('ends with one error part carrying the last error when every candidate fails', async () => {
    const a = scriptedCandidate('a', [providerError(10)]);
    const b = scriptedCandidate('b', [
      { at: 10, part: { type: 'error', error: { kind: 'http', status: 503, message: 'HTTP 503', retryable: true } } },
    ]);
    const out = drain(race([a.candidate, b.candidate], { ttftTimeoutMs: 1000 }));
    await vi.runAllTimersAsync();
    expect(await out.done).toEqual([
      { type: 'error', error: { kind: 'http', status: 503, message: 'HTTP 503', retryable: true } },
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('passes the winner’s own later error through after it has won', async () => {
    const only = scriptedCandidate('only', [
      { at: 10, part: { type: 'text-delta', id: 't', delta: 'Par' } },
      { at: 20, part: { type: 'error', error: { kind: 'interrupted', message: 'cut', retryable: true } } },
    ]);
    const out = drain(race([only.candidate], { ttftTimeoutMs: 1000 }));
    await vi.runAllTimersAsync();
    expect(await out.done).toEqual([
      { type: 'text-delta', id: 't', delta: 'Par' },
      { type: 'error', error: { kind: 'interrupted', message: 'cut', retryable: true } },
    ]);
  });

  it('aborts every candidate and ends with an aborted part when the caller aborts before a winner', async () => {
    const a = scriptedCandidate('a', [{ at: 0, hang: true }]);
    const b = scriptedCandidate('b', [{ at: 0, hang: true }]);
    const controller = new AbortController();
    const { events, onEvent, list } = raceOf(a, b);
    const out = drain(race(list, { ttftTimeoutMs: 100, signal: controller.signal, onEvent }));
    await vi.advanceTimersByTimeAsync(150);
    controller.abort();
    const parts = await out.done;

    expect(parts).toEqual([
      { type: 'error', error: { kind: 'aborted', message: 'The stream was aborted.', retryable: false } },
    ]);
    expect(a.log.signal?.aborted).toBe(true);
    expect(b.log.signal?.aborted).toBe(true);
    expect(events.filter((e) => e.type === 'abort').map((e) => e.id)).toEqual(['a', 'b']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops the winner when the caller aborts mid-stream', async () => {
    const long = scriptedCandidate(
      'long',
      Array.from({ length: 100 }, (_, i) => ({
        at: 10 * (i + 1),
        part: { type: 'text-delta', id: 't', delta: 'x' } as StreamPart,
      })),
    );
    const controller = new AbortController();
    const out = drain(race([long.candidate], { ttftTimeoutMs: 100, signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(35);
    controller.abort();
    const parts = await out.done;
    expect(text(parts)).toBe('xxx');
    expect(parts.at(-1)).toMatchObject({ type: 'error', error: { kind: 'aborted' } });
    expect(long.log.signal?.aborted).toBe(true);
  });

  it('aborts the winner when the consumer stops reading', async () => {
    const primary = scriptedCandidate('primary', reply('p', 'Hello there', 10));
    const reading = (async () => {
      for await (const part of race([primary.candidate], { ttftTimeoutMs: 100 })) {
        if (part.type === 'text-delta') return Date.now();
      }
      return undefined;
    })();
    await vi.runAllTimersAsync();
    expect(await reading).toBe(20);
    expect(primary.log.signal?.aborted).toBe(true);
    expect(primary.log.closed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('yields only an aborted part when the signal is already aborted, starting nothing', async () => {
    const a = scriptedCandidate('a', reply('a', 'x', 10));
    const parts = await drain(race([a.candidate], { ttftTimeoutMs: 100, signal: AbortSignal.abort() })).done;
    expect(parts).toMatchObject([{ type: 'error', error: { kind: 'aborted' } }]);
    expect(a.log.startedAt).toBeUndefined();
  });

  it('rejects an empty list, duplicate ids and a bad timeout', () => {
    const a = scriptedCandidate('a', []).candidate;
    expect(() => race([], { ttftTimeoutMs: 1 })).toThrow(/at least one candidate/);
    expect(() => race([a, a], { ttftTimeoutMs: 1 })).toThrow(/"a"/);
    expect(() => race([a], { ttftTimeoutMs: Number.NaN })).toThrow(/ttftTimeoutMs/);
  });
});

describe('race with a circuit breaker', () => {
  const options = { failureThreshold: 2, windowMs: 60_000, cooldownMs: 10_000, now: () => Date.now() };

  it('skips a candidate whose circuit opened after repeated failures, and tries it again after the cool-down', async () => {
    const breaker = createCircuitBreaker(options);
    const runOnce = async () => {
      const primary = scriptedCandidate('primary', [providerError(10)]);
      const fallback = scriptedCandidate('fallback', reply('f', 'ok', 10));
      const { events, onEvent, list } = raceOf(primary, fallback);
      const out = drain(race(list, { ttftTimeoutMs: 1000, breaker, onEvent }));
      await vi.runAllTimersAsync();
      await out.done;
      return { events, primary };
    };

    await runOnce();
    await runOnce();
    expect(breaker.state('primary')).toBe('open');
    const skipped = await runOnce();
    expect(skipped.primary.log.startedAt).toBeUndefined();
    expect(skipped.events[0]).toEqual({ type: 'breaker-open', id: 'primary' });
    expect(breaker.state('fallback')).toBe('closed');

    vi.advanceTimersByTime(10_000);
    const trial = await runOnce();
    expect(trial.primary.log.startedAt).toBeDefined();
    expect(breaker.state('primary')).toBe('open');
  });

  it('ends with a circuit-open error when every candidate is skipped', async () => {
    const breaker = createCircuitBreaker(options);
    for (let i = 0; i < 2; i += 1) {
      breaker.recordFailure('a');
      breaker.recordFailure('b');
    }
    const a = scriptedCandidate('a', reply('a', 'x', 10));
    const b = scriptedCandidate('b', reply('b', 'y', 10));
    const parts = await drain(race([a.candidate, b.candidate], { ttftTimeoutMs: 100, breaker })).done;
    expect(parts).toEqual([
      {
        type: 'error',
        error: {
          kind: 'circuit-open',
          message: 'Every candidate is cooling down after repeated failures: a, b.',
          retryable: true,
        },
      },
    ]);
    expect(a.log.startedAt).toBeUndefined();
  });

  it('counts a loser that missed its deadline as a failure and closes the winner’s circuit', async () => {
    const breaker = createCircuitBreaker({ ...options, failureThreshold: 1 });
    const slow = scriptedCandidate('slow', [{ at: 0, hang: true }]);
    const fast = scriptedCandidate('fast', reply('f', 'ok', 10));
    const out = drain(race([slow.candidate, fast.candidate], { ttftTimeoutMs: 100, breaker }));
    await vi.runAllTimersAsync();
    await out.done;
    expect(breaker.state('slow')).toBe('open');
    expect(breaker.state('fast')).toBe('closed');
  });

  it('gives back a half-open trial when the race is aborted', async () => {
    const breaker = createCircuitBreaker({ ...options, failureThreshold: 1 });
    breaker.recordFailure('a');
    vi.advanceTimersByTime(10_000);
    const a = scriptedCandidate('a', [{ at: 0, hang: true }]);
    const controller = new AbortController();
    const out = drain(race([a.candidate], { ttftTimeoutMs: 100, breaker, signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    expect(breaker.tryAcquire('a')).toBe(false);
    controller.abort();
    await out.done;
    expect(breaker.tryAcquire('a')).toBe(true);
  });
});
