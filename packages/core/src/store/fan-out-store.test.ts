import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reply, scriptedCandidate } from '../../test/scripted-candidate.js';
import { createFanOutStore, type FanOutState } from './index.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

const texts = (state: FanOutState) =>
  Object.fromEntries(Object.entries(state.sources).map(([id, s]) => [id, `${s.status}:${s.text}`]));

describe('createFanOutStore', () => {
  it('streams every candidate into its own message and ends done when all have ended', async () => {
    const a = scriptedCandidate('a', reply('a', 'Alpha', 0, 30));
    const b = scriptedCandidate('b', reply('b', 'Beta', 5, 20));
    const onFinish = vi.fn();
    const store = createFanOutStore({ candidates: [a.candidate, b.candidate], onFinish });
    store.start();
    expect(texts(store.getSnapshot())).toEqual({ a: 'connecting:', b: 'connecting:' });
    await vi.runAllTimersAsync();
    expect(store.getSnapshot().status).toBe('done');
    expect(texts(store.getSnapshot())).toEqual({ a: 'done:Alpha', b: 'done:Beta' });
    expect(store.getSnapshot().sources.a?.metrics.ttftMs).toBeGreaterThan(0);
    expect(onFinish).toHaveBeenCalledExactlyOnceWith(store.getSnapshot());
  });

  it('keeps the others streaming when one fails, and marks a body that ends early interrupted', async () => {
    const broken = scriptedCandidate('broken', [{ at: 15, throws: new TypeError('Failed to fetch') }]);
    const cut = scriptedCandidate('cut', reply('c', 'Cut it', 0, 10).slice(0, 2));
    const fine = scriptedCandidate('fine', reply('f', 'Fine', 10, 20));
    const store = createFanOutStore({ candidates: [broken.candidate, cut.candidate, fine.candidate] });
    store.start();
    await vi.advanceTimersByTimeAsync(40);
    const mid = store.getSnapshot();
    expect(mid.status).toBe('streaming');
    expect(mid.sources.broken?.error).toEqual({ kind: 'network', message: 'Failed to fetch', retryable: true });
    expect(mid.sources.cut?.status).toBe('interrupted');
    expect(mid.sources.cut?.text).toBe('Cut');
    expect(mid.sources.fine?.status).toBe('streaming');
    await vi.runAllTimersAsync();
    expect(texts(store.getSnapshot())).toEqual({ broken: 'error:', cut: 'interrupted:Cut', fine: 'done:Fine' });
  });

  it('stop() aborts every running source at once and keeps what arrived; finished ones stay done', async () => {
    const quick = scriptedCandidate('quick', reply('q', 'Quick', 0, 5));
    const slow = scriptedCandidate('slow', reply('s', 'Slow reply', 0, 100));
    const store = createFanOutStore({ candidates: [quick.candidate, slow.candidate] });
    store.start();
    await vi.advanceTimersByTimeAsync(150);
    store.stop();
    expect(texts(store.getSnapshot())).toEqual({ quick: 'done:Quick', slow: 'aborted:Slow ' });
    expect(store.getSnapshot().status).toBe('aborted');
    expect(slow.log.signal?.aborted).toBe(true);
    await vi.runAllTimersAsync();
    expect(slow.log.closed).toBe(true);
    expect(texts(store.getSnapshot())).toEqual({ quick: 'done:Quick', slow: 'aborted:Slow ' });
  });

  it('publishes parts of several sources together once per interval, and the end at once', async () => {
    const a = scriptedCandidate('a', reply('a', 'Alpha', 0, 1));
    const b = scriptedCandidate('b', reply('b', 'Beta', 0, 1));
    const store = createFanOutStore({ candidates: [a.candidate, b.candidate], throttle: 50 });
    const listener = vi.fn();
    store.subscribe(listener);
    store.start();
    expect(listener).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2);
    expect(store.getSnapshot().sources.a?.status).toBe('connecting');
    expect(listener).toHaveBeenCalledTimes(1);
    await vi.runAllTimersAsync();
    expect(listener).toHaveBeenCalledTimes(2);
    expect(texts(store.getSnapshot())).toEqual({ a: 'done:Alpha', b: 'done:Beta' });
  });

  it('rejects two candidates with the same id', () => {
    const a = scriptedCandidate('a', []);
    expect(() => createFanOutStore({ candidates: [a.candidate, a.candidate] }).start()).toThrow(TypeError);
  });
});
