import { describe, expect, it } from 'vitest';
import type { StreamPart } from '../message/types.js';
import { createMetricsRecorder, withMetrics } from './index.js';

async function* scripted(parts: StreamPart[], advance: (ms: number) => void) {
  for (const part of parts) {
    advance(10);
    yield part;
  }
}

const parts: StreamPart[] = [
  { type: 'message-start', id: 'm1' },
  { type: 'text-delta', id: 't', delta: 'Hel' },
  { type: 'text-delta', id: 't', delta: 'lo' },
  { type: 'done' },
];

describe('withMetrics', () => {
  it('passes every part through unchanged and records the stream', async () => {
    let time = 0;
    const recorder = createMetricsRecorder({ now: () => time });
    const seen: StreamPart[] = [];
    for await (const part of withMetrics(
      scripted(parts, (ms) => void (time += ms)),
      recorder,
    ))
      seen.push(part);
    expect(seen).toEqual(parts);
    expect(recorder.snapshot()).toMatchObject({
      ttftMs: 20,
      tokenParts: 2,
      interTokenP50Ms: 10,
      durationMs: 40,
      ended: true,
    });
  });

  it('ends the recording when the consumer stops early', async () => {
    let time = 0;
    const recorder = createMetricsRecorder({ now: () => time });
    for await (const part of withMetrics(
      scripted(parts, (ms) => void (time += ms)),
      recorder,
    )) {
      if (part.type === 'text-delta') break;
    }
    time += 1000;
    expect(recorder.snapshot()).toMatchObject({ ended: true, durationMs: 20, tokenParts: 1 });
  });

  it('ends the recording when the source throws, and rethrows', async () => {
    const recorder = createMetricsRecorder({ now: () => 0 });
    async function* failing(): AsyncGenerator<StreamPart> {
      yield { type: 'text-delta', id: 't', delta: 'a' };
      throw new Error('socket closed');
    }
    await expect(async () => {
      for await (const _ of withMetrics(failing(), recorder));
    }).rejects.toThrow('socket closed');
    expect(recorder.snapshot()).toMatchObject({ ended: true, tokenParts: 1 });
  });
});
