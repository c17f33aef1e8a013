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
