import { describe, expect, it, vi } from 'vitest';
import type { StreamPart } from '../message/types.js';
import { createStructuredStore, type StructuredState } from './structured-store.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('createStructuredStore', () => {
  it('reports completed paths per snapshot without changing an earlier snapshot', async () => {
    const queue: StreamPart[] = [];
    let wake: (() => void) | undefined;
    const emit = (delta: string) => {
      queue.push({ type: 'text-delta', id: 't', delta });
      wake?.();
    };
    const store = createStructuredStore({
      throttle: 1,
      source: async function* ({ signal }) {
        for (;;) {
          while (queue.length > 0) yield queue.shift() as StreamPart;
          if (signal.aborted) return;
          await new Promise<void>((resolve) => (wake = resolve));
        }
      },
    });
    store.start();
    emit('{"steps": ["Mix", "Ba');
    await settle();
    const first = store.getSnapshot();
    expect(first.completedPaths).toEqual([['steps', 0]]);
    emit('ke"], "minutes": 20}');
    await settle();
    const second = store.getSnapshot();
    expect(second.completedPaths).toEqual([['steps', 0], ['steps', 1], ['steps'], ['minutes'], []]);
    expect(second.isComplete).toBe(true);
    expect(first.completedPaths).toEqual([['steps', 0]]);
    store.stop();
  });

  it('attach() parses the re-read run from a fresh parser: the object is the whole one, not the first read spliced with it', async () => {
    const json = '{"title":"Bread","minutes":20}';
    const handle = { runId: 'r1', resumeUrl: 'https://relay.test/rill/runs/r1', stopUrl: 'https://relay.test/rill/runs/r1/stop', startId: '0', lastEventId: '3' };
    const store = createStructuredStore<{ title: string; minutes: number }>({
      throttle: 1,
      // A re-attach reads the run from its start: the whole text again; the first read stops halfway.
      source: async function* ({ attach, signal }) {
        yield { type: 'text-delta', id: 't', delta: attach === undefined ? json.slice(0, 17) : json };
        if (attach !== undefined) yield { type: 'done' };
        else await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
      },
    });
    store.start();
    await settle();
    expect(store.getSnapshot().object).toEqual({ title: 'Bread' });
    store.attach(handle);
    await settle();
    expect(store.getSnapshot()).toMatchObject({ status: 'done', object: { title: 'Bread', minutes: 20 }, isComplete: true });
    expect(store.getSnapshot().error).toBeUndefined();
  });

  const finished = (text: string) => {
    const seen: { finished?: StructuredState<{ a: number }>; calls: string[] } = { calls: [] };
    const store = createStructuredStore<{ a: number }>({
      source: async function* () {
        yield { type: 'text-delta', id: 't', delta: text };
        yield { type: 'finish', finishReason: 'stop' };
        yield { type: 'done' };
      },
      onError: (error) => seen.calls.push(`onError ${error.kind}`),
      onFinish: (state) => {
        seen.calls.push('onFinish');
        seen.finished = state;
      },
    });
    store.start();
    return { store, seen };
  };

  it('gives onFinish the structured final state, the same snapshot subscribers get', async () => {
    const { store, seen } = finished('{"a": 1}');
    await vi.waitFor(() => expect(seen.finished).toBeDefined());
    expect(seen.finished).toBe(store.getSnapshot());
    expect(seen.finished).toMatchObject({ status: 'done', object: { a: 1 }, isComplete: true });
    expect(seen.calls).toEqual(['onFinish']);
  });

  it('calls onError, then onFinish, with the invalid-output error of bad JSON', async () => {
    const { store, seen } = finished('{"a": 1} oops');
    await vi.waitFor(() => expect(seen.finished).toBeDefined());
    expect(seen.calls).toEqual(['onError invalid-output', 'onFinish']);
    expect(seen.finished).toBe(store.getSnapshot());
    expect(seen.finished).toMatchObject({ status: 'done', object: { a: 1 }, isComplete: false, error: { kind: 'invalid-output' } });
  });
});
