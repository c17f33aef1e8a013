import { describe, expect, it } from 'vitest';
import type { StreamPart } from '../message/types.js';
import { messageSnapshots } from './index.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A slow source of text deltas that records how many parts were pulled and whether it was closed. */
function slowSource(count: number, gapMs: number) {
  const state = { pulled: 0, closed: false };
  async function* parts(): AsyncGenerator<StreamPart> {
    try {
      for (let i = 0; i < count; i += 1) {
        await pause(gapMs);
        state.pulled += 1;
        yield { type: 'text-delta', id: 't', delta: 'x' };
      }
      yield { type: 'finish', finishReason: 'stop' };
      yield { type: 'done' };
    } finally {
      state.closed = true;
    }
  }
  return { parts: parts(), state };
}

describe('messageSnapshots', () => {
  it('yields throttled snapshots and the final message last', async () => {
    const { parts } = slowSource(6, 2);
    const snapshots = [];
    for await (const message of messageSnapshots(parts, 5)) snapshots.push(message);
    expect(snapshots.slice(0, -1).every((m) => m.status === 'streaming')).toBe(true);
    expect(snapshots.at(-1)).toMatchObject({ status: 'done', parts: [{ type: 'text', text: 'xxxxxx' }] });
  });

  it('stops reading and closes the source when the consumer stops early', async () => {
    const { parts, state } = slowSource(100, 5);
    for await (const message of messageSnapshots(parts, 20)) {
      expect(message.status).toBe('streaming');
      break;
    }
    const pulledAtStop = state.pulled;
    await pause(100);
    // At most the read in flight when the consumer stopped completes.
    expect(state.pulled).toBeLessThanOrEqual(pulledAtStop + 1);
    expect(state.closed).toBe(true);
  });
});
