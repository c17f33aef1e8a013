import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reply, scriptedCandidate } from '../../test/scripted-candidate.js';
import { createRaceStore, type RaceState } from './index.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createRaceStore', () => {
  it('streams the winner, each snapshot carrying the race events as they were when it was published', async () => {
    const slow = scriptedCandidate('slow', reply('s', 'Slow', 900));
    const fast = scriptedCandidate('fast', reply('f', 'Fast', 10));
    const finals: RaceState[] = [];
    const store = createRaceStore({
      candidates: [slow.candidate, fast.candidate],
      ttftTimeoutMs: 100,
      throttle: 1,
      onFinish: (s) => finals.push(s),
    });
    const seen: RaceState[] = [];
    store.subscribe(() => seen.push(store.getSnapshot()));
    store.start();
    expect(store.getSnapshot()).toMatchObject({ status: 'connecting', events: [] });
    await vi.runAllTimersAsync();

    const final = store.getSnapshot();
    expect(final).toMatchObject({ status: 'done', text: 'Fast', winner: 'fast' });
    expect(final.events.map((e) => `${e.type}:${'id' in e ? e.id : ''}`)).toContain('winner:fast');
    expect(finals).toEqual([final]);
    // A snapshot never shows a winner before its text streams.
    expect(seen.every((s) => s.winner === undefined || s.status !== 'connecting')).toBe(true);
  });

  it('starts the race again with the candidates setOptions gave, its events fresh', async () => {
    const first = scriptedCandidate('first', reply('a', 'One', 5));
    const second = scriptedCandidate('second', reply('b', 'Two', 5));
    const store = createRaceStore({ candidates: [first.candidate], ttftTimeoutMs: 100, throttle: 1 });
    store.start();
    await vi.runAllTimersAsync();
    store.setOptions({ candidates: [second.candidate], ttftTimeoutMs: 100, throttle: 1 });
    store.start();
    await vi.runAllTimersAsync();
    expect(store.getSnapshot()).toMatchObject({ status: 'done', text: 'Two', winner: 'second' });
    expect(store.getSnapshot().events.some((e) => 'id' in e && e.id === 'first')).toBe(false);
  });
});
