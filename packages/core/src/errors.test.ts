import { describe, expect, it } from 'vitest';
import { RillError, isRillError } from './errors.js';
import { accumulate } from './message/accumulate.js';
import type { StreamPart } from './message/types.js';
import { fanOut } from './race/fan-out.js';
import { race } from './race/race.js';
import { createStreamStore } from './store/stream-store.js';

// A second instance of errors.ts, as a page gets when two copies of @rill/core are installed.
type ErrorsModule = { RillError: typeof RillError; isRillError: typeof isRillError };
const loadCopy = async (): Promise<ErrorsModule> =>
  (await import(/* @vite-ignore */ `./errors.js?copy=${Date.now()}`)) as ErrorsModule;

async function* throwsAfter(parts: StreamPart[], error: unknown): AsyncGenerator<StreamPart> {
  yield* parts;
  throw error;
}

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

describe('isRillError', () => {
  it('recognises an error thrown by another installed copy of @rill/core, and a plain object carrying the brand', async () => {
    const copy = await loadCopy();
    const foreign = new copy.RillError({ kind: 'stall', message: 'No data for 30000 ms', retryable: true });

    expect(copy.RillError).not.toBe(RillError);
    expect(foreign instanceof RillError).toBe(false);
    expect(isRillError(foreign)).toBe(true);
    expect(copy.isRillError(new RillError({ kind: 'http', status: 503, message: 'busy', retryable: true }))).toBe(true);
    expect(isRillError({ [Symbol.for('rill.error')]: true, kind: 'network', message: 'x', retryable: true })).toBe(
      true,
    );
    expect(isRillError(Object.assign(new Error('x'), { kind: 'network', retryable: true }))).toBe(false);
    expect(isRillError(null)).toBe(false);
  });

  it("keeps another copy's error kind when it ends a message (not turned into interrupted)", async () => {
    const copy = await loadCopy();
    const foreign = new copy.RillError({ kind: 'stall', message: 'No data for 30000 ms', retryable: true });
    const message = await accumulate(throwsAfter([{ type: 'text-delta', id: 't', delta: 'half' }], foreign));
    expect(message).toMatchObject({
      status: 'interrupted',
      error: { kind: 'stall', message: 'No data for 30000 ms', retryable: true },
    });
  });
});

describe('a throw that is not a RillError, by phase', () => {
  it('is network when a stream store source throws before it returned a stream (nothing connected)', () => {
    const store = createStreamStore({
      source: () => {
        throw new TypeError('Failed to fetch');
      },
      throttle: 1,
    });
    store.start();
    expect(store.getSnapshot()).toMatchObject({
      status: 'error',
      error: { kind: 'network', message: 'Failed to fetch', retryable: true },
    });
  });

  it('is interrupted when a race winner breaks after its first token, network when a candidate fails before one', async () => {
    const broken = {
      id: 'broken',
      start: () => throwsAfter([{ type: 'text-delta', id: 't', delta: 'Hel' }], new TypeError('terminated')),
    };
    const parts = await collect(race([broken], { ttftTimeoutMs: 1_000 }));
    expect(parts.at(-1)).toEqual({
      type: 'error',
      error: { kind: 'interrupted', message: 'terminated', retryable: true },
    });

    const offline = { id: 'offline', start: () => throwsAfter([], new TypeError('Failed to fetch')) };
    const failed = await collect(race([offline], { ttftTimeoutMs: 1_000 }));
    expect(failed.at(-1)).toMatchObject({ type: 'error', error: { kind: 'network', message: 'Failed to fetch' } });
  });

  it('is interrupted for a fan-out source that breaks after a part, network for one that breaks before', async () => {
    const flowing = {
      id: 'flowing',
      start: () => throwsAfter([{ type: 'text-delta', id: 't', delta: 'Hi' }], new TypeError('terminated')),
    };
    const offline = { id: 'offline', start: () => throwsAfter([], new TypeError('Failed to fetch')) };
    const items = await collect(fanOut([flowing, offline]));
    const errors = Object.fromEntries(
      items.flatMap(({ source, part }) => (part.type === 'error' ? [[source, part.error.kind]] : [])),
    );
    expect(errors).toEqual({ flowing: 'interrupted', offline: 'network' });
  });
});
