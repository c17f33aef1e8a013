import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RillErrorValue } from '../errors.js';
import type { StreamPart } from '../message/types.js';
import type { PartSourceContext } from './part-source.js';
import { createStreamStore } from './stream-store.js';
import type { StreamState } from './stream-state.js';

/** A part source the test drives by hand: `emit` delivers parts, `end` closes the stream. */
function manualSource() {
  const queue: StreamPart[] = [];
  let wake: (() => void) | undefined;
  let ended = false;
  let signal: AbortSignal | undefined;
  const source = async function* (context: { signal: AbortSignal }): AsyncGenerator<StreamPart> {
    signal = context.signal;
    for (;;) {
      while (queue.length > 0) yield queue.shift() as StreamPart;
      if (ended || signal.aborted) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  return {
    source,
    emit: (...parts: StreamPart[]) => {
      queue.push(...parts);
      wake?.();
    },
    end: () => {
      ended = true;
      wake?.();
    },
    aborted: () => signal?.aborted === true,
  };
}

const frames: FrameRequestCallback[] = [];
const flushFrame = () => frames.splice(0).forEach((frame) => frame(0));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.unstubAllGlobals();
  frames.length = 0;
});

describe('createStreamStore', () => {
  it('coalesces many parts into one notification per frame', async () => {
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    const src = manualSource();
    const store = createStreamStore({ source: src.source });
    const seen: StreamState[] = [];
    store.subscribe(() => seen.push(store.getSnapshot()));
    store.start();
    src.emit({ type: 'text-delta', id: 't', delta: 'a' });
    await settle();
    expect(store.getSnapshot().status).toBe('streaming');
    const before = seen.length;
    for (let i = 0; i < 1000; i++) src.emit({ type: 'text-delta', id: 't', delta: 'b' });
    await settle();
    expect(seen.length).toBe(before);
    flushFrame();
    expect(seen.length).toBe(before + 1);
    expect(store.getSnapshot().text).toBe('a' + 'b'.repeat(1000));
  });

  it('publishes the final state before onFinish, even with a frame pending', async () => {
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    const src = manualSource();
    let atFinish: StreamState | undefined;
    const store = createStreamStore({ source: src.source, onFinish: () => (atFinish = store.getSnapshot()) });
    store.start();
    src.emit(
      { type: 'text-delta', id: 't', delta: 'Hel' },
      { type: 'text-delta', id: 't', delta: 'lo' },
      { type: 'done' },
    );
    await settle();
    expect(atFinish?.status).toBe('done');
    expect(atFinish?.text).toBe('Hello');
  });

  it('stop() ends as aborted and aborts the source; a source that ends early is interrupted', async () => {
    const stopped = manualSource();
    const store = createStreamStore({ source: stopped.source, throttle: 5 });
    store.start();
    stopped.emit({ type: 'text-delta', id: 't', delta: 'kept' });
    await settle();
    store.stop();
    expect(store.getSnapshot()).toMatchObject({ status: 'aborted', text: 'kept', error: { kind: 'aborted' } });
    expect(stopped.aborted()).toBe(true);

    const dropped = manualSource();
    const onError = vi.fn();
    const other = createStreamStore({ source: dropped.source, onError });
    other.start();
    dropped.emit({ type: 'text-delta', id: 't', delta: 'part' });
    dropped.end();
    await settle();
    expect(other.getSnapshot()).toMatchObject({ status: 'interrupted', text: 'part', error: { kind: 'interrupted' } });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'interrupted' }));
  });

  it('retry() starts again with the last body', async () => {
    const bodies: unknown[] = [];
    const store = createStreamStore({
      source: async function* ({ body }) {
        bodies.push(body);
        yield { type: 'done' };
      },
    });
    store.start({ prompt: 'x' });
    await settle();
    store.retry();
    await settle();
    expect(bodies).toEqual([{ prompt: 'x' }, { prompt: 'x' }]);
    expect(store.getSnapshot().status).toBe('done');
  });

  it('says why it waits to reconnect: a 429 is a rate limit with its status and the server’s wait', async () => {
    let calls = 0;
    const fetch = async (): Promise<Response> =>
      ++calls === 1
        ? new Response('slow down', { status: 429, headers: { 'retry-after': '7' } })
        : new Response('data: never\n\n', { headers: { 'content-type': 'text/event-stream' } });
    const store = createStreamStore({ url: 'https://api.test/chat', fetch, retry: { maxAttempts: 3 } });
    const before = Date.now();
    store.start();
    await vi.waitFor(() => expect(store.getSnapshot().status).toBe('reconnecting'));
    const { reconnect } = store.getSnapshot();
    expect(reconnect).toMatchObject({ attempt: 2, maxAttempts: 3, reason: 'rate-limit', status: 429 });
    expect(reconnect?.nextRetryAt).toBeGreaterThanOrEqual(before + 7000);
    store.stop();
    expect(store.getSnapshot()).toMatchObject({ status: 'aborted' });
    expect(store.getSnapshot().reconnect).toBeUndefined();
    expect(calls).toBe(1);
  });

  it('goes from connecting or reconnecting straight to error when the request fails before any response', async () => {
    for (const [status, expected] of [
      [400, ['connecting', 'error']],
      [503, ['connecting', 'reconnecting', 'error']],
    ] as const) {
      const fetch = async (): Promise<Response> => new Response('nope', { status });
      const store = createStreamStore({
        url: 'https://api.test/chat',
        fetch,
        retry: { maxAttempts: 2, baseDelayMs: 1 },
        throttle: 0,
      });
      const statuses: string[] = [];
      store.subscribe(() => {
        const { status: now } = store.getSnapshot();
        if (statuses.at(-1) !== now) statuses.push(now);
      });
      store.start();
      await vi.waitFor(() => expect(store.getSnapshot().status).toBe('error'));
      expect(statuses).toEqual(expected);
      expect(store.getSnapshot()).toMatchObject({ error: { kind: 'http', status } });
    }
  });

  it('sends a body fetch can send as is, and JSON only for other values', async () => {
    const sent: { body: unknown; type: string | null }[] = [];
    const fetch = async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      sent.push({ body: init?.body, type: new Headers(init?.headers).get('content-type') });
      return new Response('data: ok\n\n', { headers: { 'content-type': 'text/event-stream' } });
    };
    const form = new FormData();
    form.set('prompt', 'hi');
    const bodies = [form, new URLSearchParams({ prompt: 'hi' }), new Blob(['hi']), new Uint8Array([104, 105]), 'hi'];
    const store = createStreamStore({ url: 'https://api.test/chat', fetch, throttle: 0 });
    for (const body of [...bodies, { prompt: 'hi' }, ['hi']]) {
      store.start(body);
      await vi.waitFor(() => expect(store.getSnapshot().status).toBe('done'));
    }
    expect(sent.slice(0, bodies.length)).toEqual(bodies.map((body) => ({ body, type: null })));
    expect(sent.slice(bodies.length)).toEqual([
      { body: '{"prompt":"hi"}', type: 'application/json' },
      { body: '["hi"]', type: 'application/json' },
    ]);
  });

  it('tells a failure before the answer (server, network, stall) from a resume after it started', async () => {
    const failures: RillErrorValue[] = [
      { kind: 'http', status: 503, message: 'Service unavailable', retryable: true },
      { kind: 'network', message: 'Request failed', retryable: true },
      { kind: 'stall', message: 'No data for 100 ms', retryable: true },
    ];
    let context: PartSourceContext | undefined;
    const src = manualSource();
    const store = createStreamStore({
      source: (ctx) => {
        context = ctx;
        return src.source(ctx);
      },
    });
    store.start();
    const reasons = failures.map((error) => {
      context?.onReconnect({ attempt: 2, maxAttempts: 5, delayMs: 10, error });
      const { reconnect } = store.getSnapshot();
      return [reconnect?.reason, reconnect?.status];
    });
    expect(reasons).toEqual([
      ['server', 503],
      ['network', undefined],
      ['stall', undefined],
    ]);

    context?.onOpen();
    src.emit({ type: 'text-delta', id: 't', delta: 'kept' });
    await settle();
    context?.onReconnect({
      attempt: 2,
      maxAttempts: 5,
      delayMs: 10,
      error: { kind: 'stall', message: 'No data for 100 ms', retryable: true },
    });
    expect(store.getSnapshot()).toMatchObject({
      status: 'reconnecting',
      text: 'kept',
      reconnect: { reason: 'resume' },
    });
    context?.onOpen();
    expect(store.getSnapshot().status).toBe('streaming');
    expect(store.getSnapshot().reconnect).toBeUndefined();
    store.stop();
  });

  it.each([
    ['the default 60 s idle timeout', {}, 60_000, 'interrupted'],
    ['deadlineMs', { deadlineMs: 5_000 }, 5_000, 'deadline'],
  ] as const)(
    'ends an answer whose server went silent after %s, keeping what arrived',
    async (_name, extra, ms, kind) => {
      vi.useFakeTimers();
      try {
        const fetch = async (): Promise<Response> =>
          new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('data: kept\n\n')) }), {
            headers: { 'content-type': 'text/event-stream' },
          });
        const store = createStreamStore({ url: 'https://api.test/chat', fetch, throttle: 0, ...extra });
        store.start();
        await vi.advanceTimersByTimeAsync(ms - 1);
        expect(store.getSnapshot()).toMatchObject({ status: 'streaming', text: 'kept' });
        await vi.advanceTimersByTimeAsync(1);
        expect(store.getSnapshot()).toMatchObject({ status: 'interrupted', text: 'kept', error: { kind } });
      } finally {
        vi.useRealTimers();
      }
    },
  );
});
