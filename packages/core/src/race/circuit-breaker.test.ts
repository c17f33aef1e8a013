import { describe, expect, it, vi } from 'vitest';
import { createCircuitBreaker } from './index.js';

function fakeClockBreaker() {
  let time = 0;
  const breaker = createCircuitBreaker({ failureThreshold: 3, windowMs: 10_000, cooldownMs: 5_000, now: () => time });
  return { breaker, advance: (ms: number) => void (time += ms) };
}

describe('createCircuitBreaker', () => {
  it('opens after N failures within the window and refuses calls during the cool-down', () => {
    const { breaker, advance } = fakeClockBreaker();
    breaker.recordFailure('a');
    advance(1000);
    breaker.recordFailure('a');
    expect(breaker.state('a')).toBe('closed');
    expect(breaker.tryAcquire('a')).toBe(true);
    advance(1000);
    breaker.recordFailure('a');
    expect(breaker.state('a')).toBe('open');
    expect(breaker.tryAcquire('a')).toBe(false);
    expect(breaker.snapshot()).toEqual({ a: { state: 'open', recentFailures: 3, retryAt: 7000 } });
    expect(breaker.state('b')).toBe('closed');
  });

  it('forgets failures that left the window', () => {
    const { breaker, advance } = fakeClockBreaker();
    breaker.recordFailure('a');
    breaker.recordFailure('a');
    advance(10_001);
    breaker.recordFailure('a');
    expect(breaker.state('a')).toBe('closed');
    expect(breaker.snapshot().a).toEqual({ state: 'closed', recentFailures: 1 });
  });

  it('allows exactly one trial after the cool-down and closes when it succeeds', () => {
    const { breaker, advance } = fakeClockBreaker();
    for (let i = 0; i < 3; i += 1) breaker.recordFailure('a');
    advance(5000);
    expect(breaker.state('a')).toBe('half-open');
    expect(breaker.tryAcquire('a')).toBe(true);
    expect(breaker.tryAcquire('a')).toBe(false);
    breaker.recordSuccess('a');
    expect(breaker.state('a')).toBe('closed');
    expect(breaker.tryAcquire('a')).toBe(true);
    expect(breaker.snapshot().a).toEqual({ state: 'closed', recentFailures: 0 });
  });

  it('re-opens for a new cool-down when the trial fails', () => {
    const { breaker, advance } = fakeClockBreaker();
    for (let i = 0; i < 3; i += 1) breaker.recordFailure('a');
    advance(6000);
    expect(breaker.tryAcquire('a')).toBe(true);
    breaker.recordFailure('a');
    expect(breaker.state('a')).toBe('open');
    advance(4999);
    expect(breaker.tryAcquire('a')).toBe(false);
    advance(1);
    expect(breaker.tryAcquire('a')).toBe(true);
  });

  it('gives a released trial back so the next call can try', () => {
    const { breaker, advance } = fakeClockBreaker();
    for (let i = 0; i < 3; i += 1) breaker.recordFailure('a');
    advance(5000);
    expect(breaker.tryAcquire('a')).toBe(true);
    breaker.release('a');
    expect(breaker.state('a')).toBe('half-open');
    expect(breaker.tryAcquire('a')).toBe(true);
  });

  it('tells subscribers about changes until they unsubscribe', () => {
    const { breaker } = fakeClockBreaker();
    const listener = vi.fn();
    const unsubscribe = breaker.subscribe(listener);
    breaker.recordFailure('a');
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    breaker.recordFailure('a');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
