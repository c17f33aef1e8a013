import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drain, reply, scriptedCandidate } from '../../test/scripted-candidate.js';
import { fanOut, type SourcedPart } from './index.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

const textBySource = (items: SourcedPart[]) => {
  const result: Record<string, string> = {};
  for (const { source, part } of items)
    if (part.type === 'text-delta') result[source] = (result[source] ?? '') + part.delta;
  return result;
};

describe('fanOut', () => {
  it('yields every stream’s parts, labelled by source, in the order they arrive', async () => {
    const a = scriptedCandidate('a', reply('a', 'Alpha', 0, 30)); // deltas at 30, 60
    const b = scriptedCandidate('b', reply('b', 'Beta', 5, 20)); // deltas at 25, 45
    const out = drain(fanOut([a.candidate, b.candidate]));
    await vi.runAllTimersAsync();
    const items = await out.done;

    expect(items.filter((i) => i.part.type === 'text-delta').map((i) => i.source)).toEqual(['b', 'a', 'b', 'a']);
    expect(textBySource(items)).toEqual({ a: 'Alpha', b: 'Beta' });
    expect(
      items
        .filter((i) => i.part.type === 'done')
        .map((i) => i.source)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(a.log.startedAt).toBe(0);
    expect(b.log.startedAt).toBe(0);
  });

  it('keeps the other streams going when one throws, and reports that one’s error under its label', async () => {
    const broken = scriptedCandidate('broken', [{ at: 15, throws: new TypeError('Failed to fetch') }]);
    const fine = scriptedCandidate('fine', reply('f', 'Fine', 10));
    const out = drain(fanOut([broken.candidate, fine.candidate]));
    await vi.runAllTimersAsync();
    const items = await out.done;

    expect(items).toContainEqual({
      source: 'broken',
      part: { type: 'error', error: { kind: 'network', message: 'Failed to fetch', retryable: true } },
    });
    expect(textBySource(items)).toEqual({ fine: 'Fine' });
    expect(items.at(-1)).toEqual({ source: 'fine', part: { type: 'done' } });
  });

  it('reports a candidate whose start() throws as that source’s error', async () => {
    const fine = scriptedCandidate('fine', reply('f', 'ok', 10));
    const throwing = {
      id: 'throwing',
      start(): AsyncIterable<never> {
        throw new Error('no API key');
      },
    };
    const out = drain(fanOut([throwing, fine.candidate]));
    await vi.runAllTimersAsync();
    const items = await out.done;
    expect(items[0]).toEqual({
      source: 'throwing',
      part: { type: 'error', error: { kind: 'network', message: 'no API key', retryable: true } },
    });
    expect(textBySource(items)).toEqual({ fine: 'ok' });
  });

  it('aborts every stream on abort and gives each unfinished source an aborted part', async () => {
    const quick = scriptedCandidate('quick', reply('q', 'done', 0, 5));
    const a = scriptedCandidate('a', [{ at: 0, hang: true }]);
    const b = scriptedCandidate('b', [{ at: 0, hang: true }]);
    const controller = new AbortController();
    const out = drain(fanOut([quick.candidate, a.candidate, b.candidate], { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    const items = await out.done;

    expect(items.filter((i) => i.part.type === 'error')).toEqual(
      ['a', 'b'].map((source) => ({
        source,
        part: { type: 'error', error: { kind: 'aborted', message: 'The stream was aborted.', retryable: false } },
      })),
    );
    expect(a.log.signal?.aborted).toBe(true);
    expect(b.log.signal?.aborted).toBe(true);
    expect(quick.log.signal?.aborted).toBe(false);
  });

  it('aborts every running stream when the consumer stops reading', async () => {
    const a = scriptedCandidate('a', reply('a', 'Alpha', 10));
    const b = scriptedCandidate('b', [{ at: 0, hang: true }]);
    const reading = (async () => {
      for await (const { part } of fanOut([a.candidate, b.candidate])) if (part.type === 'text-delta') return;
    })();
    await vi.runAllTimersAsync();
    await reading;
    await vi.runAllTimersAsync();
    expect(a.log.signal?.aborted).toBe(true);
    expect(b.log.signal?.aborted).toBe(true);
    expect(a.log.closed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects duplicate ids', () => {
    const a = scriptedCandidate('a', []).candidate;
    expect(() => fanOut([a, a])).toThrow(/"a"/);
  });
});
