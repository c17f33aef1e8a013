import { describe, expect, it } from 'vitest';
import type { StreamPart } from '../message/types.js';
import { createStructuredStore } from './structured-store.js';

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
});
