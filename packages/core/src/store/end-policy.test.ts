import { afterEach, describe, expect, it, vi } from 'vitest';
import { RillError } from '../errors.js';
import type { StreamPart } from '../message/types.js';
import { createChatController } from '../chat/index.js';
import { createFanOutStore, createStreamStore, messageSnapshots } from './index.js';

// One end-of-stream policy (core's reportEnd) at every layer: Stop is never an error.

/** A source that yields `parts`, then waits until its signal aborts. */
const hanging = (parts: StreamPart[]) =>
  async function* ({ signal }: { signal: AbortSignal }): AsyncGenerator<StreamPart> {
    yield* parts;
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
  };

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const started: StreamPart[] = [{ type: 'text-delta', id: 't', delta: 'half' }];

afterEach(() => vi.restoreAllMocks());

describe('Stop is never an error', () => {
  it('stream store: onFinish gets aborted with the aborted error, onError is not called', async () => {
    const onError = vi.fn();
    const onFinish = vi.fn();
    const store = createStreamStore({ source: hanging(started), throttle: 1, onError, onFinish });
    store.start();
    await settle();
    store.stop();
    expect(onFinish).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ status: 'aborted', text: 'half', error: expect.objectContaining({ kind: 'aborted' }) }),
    );
    expect(onError).not.toHaveBeenCalled();
  });

  it('stream store: a real failure still calls onError, then onFinish', async () => {
    const calls: string[] = [];
    const store = createStreamStore({
      source: async function* () {
        yield* started;
        throw new RillError({ kind: 'stall', message: 'No data for 10 ms', retryable: true });
      },
      throttle: 1,
      onError: (error) => calls.push(`onError ${error.kind}`),
      onFinish: (state) => calls.push(`onFinish ${state.status}`),
    });
    store.start();
    await settle();
    expect(calls).toEqual(['onError stall', 'onFinish interrupted']);
  });

  it('fan-out store: stop() ends every open source aborted, and a throwing onFinish is reported later, not thrown from stop()', async () => {
    const deferred: (() => void)[] = [];
    vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((callback) => void deferred.push(callback));
    const finals: unknown[] = [];
    const store = createFanOutStore({
      candidates: [{ id: 'a', start: (signal) => hanging(started)({ signal }) }],
      throttle: 1,
      onFinish: (state) => {
        finals.push(state);
        throw new Error('onFinish broke');
      },
    });
    store.start();
    await settle();
    expect(() => store.stop()).not.toThrow();
    expect(finals).toEqual([
      expect.objectContaining({
        status: 'aborted',
        sources: {
          a: expect.objectContaining({
            status: 'aborted',
            text: 'half',
            error: expect.objectContaining({ kind: 'aborted' }),
          }),
        },
      }),
    ]);
    expect(deferred).toHaveLength(1);
    expect(() => deferred[0]?.()).toThrow('onFinish broke');
  });

  it('chat controller: stop() mid-answer calls onFinish with aborted, never onError', async () => {
    const encoder = new TextEncoder();
    const fetch = async (): Promise<Response> =>
      new Response(
        new ReadableStream<Uint8Array>({
          start: (c) =>
            c.enqueue(
              encoder.encode(
                'event: message_start\ndata: {"type":"message_start","message":{"id":"m1","model":"claude-test","usage":{"input_tokens":1}}}\n\n',
              ),
            ),
        }),
        { headers: { 'content-type': 'text/event-stream' } },
      );
    const onError = vi.fn();
    const onFinish = vi.fn();
    const chat = createChatController({
      provider: 'anthropic',
      url: 'https://mock.test/v1/messages',
      model: 'claude-test',
      fetch,
      throttle: 1,
      onError,
      onFinish,
    });
    chat.send('Hi');
    await vi.waitFor(() => expect(chat.getSnapshot().status).toBe('streaming'));
    chat.stop();
    expect(onFinish).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ status: 'aborted' }));
    expect(onError).not.toHaveBeenCalled();
  });
});

describe('messageSnapshots ends the message as the stores do', () => {
  const collect = async (parts: AsyncIterable<StreamPart>) => {
    const out = [];
    for await (const message of messageSnapshots(parts, 1)) out.push(message);
    return out;
  };

  it('ends interrupted when the parts stop without a finish, the final snapshot last', async () => {
    async function* parts(): AsyncGenerator<StreamPart> {
      yield* started;
    }
    const snapshots = await collect(parts());
    expect(snapshots.at(-1)).toMatchObject({
      status: 'interrupted',
      error: { kind: 'interrupted', retryable: true },
      parts: [{ text: 'half' }],
    });
    expect(snapshots.slice(0, -1).every((m) => m.status === 'streaming')).toBe(true);
  });

  it("keeps the source's own error, the final snapshot last", async () => {
    async function* parts(): AsyncGenerator<StreamPart> {
      yield* started;
      throw new RillError({ kind: 'stall', message: 'No data for 10 ms', retryable: true });
    }
    const snapshots = await collect(parts());
    expect(snapshots.at(-1)).toMatchObject({
      status: 'interrupted',
      error: { kind: 'stall', message: 'No data for 10 ms' },
      parts: [{ text: 'half' }],
    });
    expect(snapshots.filter((m) => m.status !== 'streaming')).toHaveLength(1);
  });
});
