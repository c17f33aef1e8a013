import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ResumePosition } from './resume-position.js';

/** How a server answers a resume: from the start, from the first event carrying the last id, or exactly after it. */
type Replay = 'start' | 'last-id' | 'after';

interface Connection {
  replay: Replay;
  /** Events this connection delivers before it drops (the last one runs to the end). */
  delivers: number;
}

/** Message-shaped ids: each message's events share one id, as some servers send them. */
const messages = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 12 })
  .map((sizes) => sizes.flatMap((size, m) => Array.from({ length: size }, () => `m${m}`)));
const connections = fc.array(
  fc.record({ replay: fc.constantFrom<Replay>('start', 'last-id', 'after'), delivers: fc.integer({ min: 0, max: 8 }) }),
  { maxLength: 6 },
);

/** Where a server starts a resumed connection when the client holds `held` events. */
function replayFrom(ids: string[], held: number, replay: Replay): number {
  if (held === 0 || replay === 'start') return 0;
  let from = held - 1;
  while (from > 0 && ids[from - 1] === ids[held - 1]) from--;
  // Only a message boundary can be honoured exactly: mid-message, the last id names the whole message.
  const boundary = held === ids.length || ids[held] !== ids[held - 1];
  return replay === 'after' && boundary ? held : from;
}

/** Plays the connections against a client position; returns the indexes of the events it yielded. */
function play(ids: string[], plan: Connection[]): number[] {
  const position = new ResumePosition();
  const yielded: number[] = [];
  for (const [n, connection] of [...plan, { replay: 'start' as const, delivers: Infinity }].entries()) {
    const from = n === 0 ? 0 : replayFrom(ids, yielded.length, connection.replay);
    if (n > 0) position.reconnect();
    const to = Math.min(ids.length, from + connection.delivers);
    for (let i = from; i < to; i++) if (position.take(ids[i] ?? '')) yielded.push(i);
  }
  return yielded;
}

describe('ResumePosition', () => {
  it('yields every event exactly once, in order, whatever the drops and however the server replays', () => {
    fc.assert(
      fc.property(messages, connections, (ids, plan) => {
        expect(play(ids, plan)).toEqual(ids.map((_, i) => i));
      }),
    );
  });

  it('keeps O(1) state over 100,000 events: four counters and ids, no collection', () => {
    const position = new ResumePosition();
    for (let i = 0; i < 100_000; i++) position.take(`evt_${i}`);
    for (const value of Object.values(position)) expect(['string', 'number', 'boolean']).toContain(typeof value);
    expect(position).toMatchObject({ firstId: 'evt_0', lastId: 'evt_99999', lastIdRun: 1, count: 100_000 });
  });
});
