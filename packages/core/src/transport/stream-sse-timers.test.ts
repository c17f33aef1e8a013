import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isRillError } from '../errors.js';
import { streamSSE, type ReconnectInfo } from './index.js';

// Waits and timeouts checked on a fake clock, with a scripted fetch instead of a server.
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-01-05T10:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const eventStream = (body: BodyInit) => new Response(body, { headers: { 'content-type': 'text/event-stream' } });

/** An event-stream body that sends `text` and then stays open; `cancelled` tells whether the reader was cancelled. */
function openBody(text: string) {
  const state = { cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => controller.enqueue(new TextEncoder().encode(text)),
    cancel: () => {
      state.cancelled = true;
    },
  });
  return { body, state };
}

/** A fetch that answers each call with the next response (the last one repeats). */
function scriptedFetch(...responses: (() => Response)[]) {
  let calls = 0;
  return vi.fn<typeof fetch>(async () => {
    const make = responses[Math.min(calls++, responses.length - 1)];
    if (!make) throw new Error('no response scripted');
    return make();
  });
}

describe('streamSSE waits', () => {
  it('honours a Retry-After HTTP date', async () => {
    const reconnects: ReconnectInfo[] = [];
    const fetch = scriptedFetch(
      () => new Response('slow down', { status: 429, headers: { 'retry-after': 'Mon, 05 Jan 2026 10:00:03 GMT' } }),
      () => eventStream('data: ok\n\n'),
    );
    const iterator = streamSSE('https://api.test/chat', { fetch, onReconnect: (info) => reconnects.push(info) });
    const first = iterator.next();
    await vi.advanceTimersByTimeAsync(2_999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await first).value?.data).toBe('ok');
    expect(reconnects).toMatchObject([{ attempt: 2, delayMs: 3_000, error: { kind: 'http', status: 429 } }]);
  });

  it('caps a Retry-After wait at one minute', async () => {
    const reconnects: ReconnectInfo[] = [];
    const fetch = scriptedFetch(
      () => new Response('', { status: 503, headers: { 'retry-after': '86400' } }),
      () => eventStream('data: ok\n\n'),
    );
    const first = streamSSE('https://api.test/chat', { fetch, onReconnect: (info) => reconnects.push(info) }).next();
    await vi.advanceTimersByTimeAsync(60_000);
    expect((await first).value?.data).toBe('ok');
    expect(reconnects[0]?.delayMs).toBe(60_000);
  });

  it('waits for the RetryInfo delay in a Gemini 429 body (no Retry-After header), capped at one minute', async () => {
    // As Gemini sends it: the delay comes last, after details longer than the error message quotes.
    const gemini429 = (retryDelay: string) => () =>
      Response.json(
        {
          error: {
            code: 429,
            message: 'You exceeded your current quota, please check your plan and billing details.',
            status: 'RESOURCE_EXHAUSTED',
            details: [
              {
                '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
                violations: [
                  {
                    quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
                    quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier',
                  },
                ],
              },
              {
                '@type': 'type.googleapis.com/google.rpc.Help',
                links: [
                  {
                    description: 'Learn more about Gemini API quotas',
                    url: 'https://ai.google.dev/gemini-api/docs/rate-limits',
                  },
                ],
              },
              { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay },
            ],
          },
        },
        { status: 429 },
      );
    const reconnects: ReconnectInfo[] = [];
    const fetch = scriptedFetch(gemini429('45.8s'), gemini429('600s'), () => eventStream('data: ok\n\n'));
    const first = streamSSE('https://api.test/chat', {
      fetch,
      retry: { baseDelayMs: 10 },
      onReconnect: (info) => reconnects.push(info),
    }).next();
    await vi.advanceTimersByTimeAsync(45_799);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1 + 60_000);
    expect((await first).value?.data).toBe('ok');
    expect(reconnects.map((r) => r.delayMs)).toEqual([45_800, 60_000]);
    expect(reconnects[0]?.error.message).toMatch(/^HTTP 429 .*You exceeded your current quota/);
    expect(reconnects[0]?.error.message.length).toBeLessThan(260);
  });

  it('backs off exponentially with full jitter up to maxDelayMs', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const reconnects: ReconnectInfo[] = [];
    const fetch = scriptedFetch(() => new Response('', { status: 502 }));
    const done = streamSSE('https://api.test/chat', {
      fetch,
      retry: { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 3000 },
      onReconnect: (info) => reconnects.push(info),
    })
      .next()
      .catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await done).toMatchObject({ kind: 'http', status: 502 });
    expect(reconnects.map((r) => r.delayMs)).toEqual([500, 1000, 1500, 1500]);
  });

  it('never waits less than 250 ms (or baseDelayMs, if lower), whatever the jitter or the server asks', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const delays = async (retry: { baseDelayMs?: number }, body: string) => {
      const reconnects: ReconnectInfo[] = [];
      const fetch = scriptedFetch(
        () => new Response('', { status: 503, headers: { 'retry-after': '0' } }),
        () => eventStream(body),
      );
      const done = streamSSE('https://api.test/chat', {
        fetch,
        retry,
        onReconnect: (info) => reconnects.push(info),
      }).next();
      await vi.advanceTimersByTimeAsync(1_000);
      await done;
      return reconnects.map((r) => r.delayMs);
    };
    expect(await delays({}, 'data: ok\n\n')).toEqual([250]);
    expect(await delays({ baseDelayMs: 40 }, 'data: ok\n\n')).toEqual([40]);
  });

  it('stops a server that sends one fresh event and drops with retry: 0 after 10 reconnects, at least 250 ms apart', async () => {
    let calls = 0;
    const fetch = vi.fn<typeof globalThis.fetch>(async () =>
      eventStream(droppingBody(`retry: 0\nid: ${++calls}\ndata: e${calls}\n\n`)),
    );
    const reconnects: ReconnectInfo[] = [];
    const done = (async () => {
      const data: string[] = [];
      for await (const event of streamSSE('https://api.test/chat', {
        fetch,
        resume: { url: 'https://api.test/chat' },
        onReconnect: (info) => reconnects.push(info),
      }))
        data.push(event.data);
      return data;
    })().catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await done).toMatchObject({
      kind: 'interrupted',
      message: expect.stringContaining('gave up after 10 reconnects'),
    });
    expect(fetch).toHaveBeenCalledTimes(11);
    expect(Math.min(...reconnects.map((r) => r.delayMs))).toBe(250);
  });
});

/** An event-stream body that sends `text` and then breaks, as a dropped connection does. */
function droppingBody(text: string): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream({
    pull: (controller) => {
      if (sent) controller.error(new TypeError('terminated'));
      else controller.enqueue(new TextEncoder().encode(text));
      sent = true;
    },
  });
}

/** A body that sends `text` every `everyMs` (fake time) until it is cancelled. */
function tricklingBody(text: string, everyMs: number) {
  const state = { pulls: 0, cancelled: false };
  let timer: ReturnType<typeof setInterval> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => {
      timer = setInterval(() => controller.enqueue(new TextEncoder().encode(text)), everyMs);
    },
    cancel: () => {
      state.cancelled = true;
      clearInterval(timer);
    },
  });
  return { body, state };
}

/** Settles a promise into its value or its rejection, without an unhandled rejection meanwhile. */
const settled = <T>(promise: Promise<T>): Promise<T | unknown> => promise.catch((error: unknown) => error);

describe('streamSSE timeouts', () => {
  it('ends a stream that answered 200 and went silent after the default 60 s idle timeout', async () => {
    const { body, state } = openBody('data: a\n\n');
    const iterator = streamSSE('https://api.test/chat', { fetch: scriptedFetch(() => eventStream(body)) });
    expect((await iterator.next()).value?.data).toBe('a');
    const next = settled(iterator.next());
    await vi.advanceTimersByTimeAsync(59_999);
    expect(state.cancelled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await next).toMatchObject({ kind: 'interrupted', message: expect.stringContaining('No data for 60000 ms') });
    expect(state.cancelled).toBe(true);
  });

  it.each([0, Infinity])('waits for ever with idleTimeoutMs: %s', async (idleTimeoutMs) => {
    const { body, state } = openBody('data: a\n\n');
    const controller = new AbortController();
    const iterator = streamSSE('https://api.test/chat', {
      fetch: scriptedFetch(() => eventStream(body)),
      idleTimeoutMs,
      signal: controller.signal,
    });
    await iterator.next();
    const next = settled(iterator.next());
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(state.cancelled).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    controller.abort();
    expect(await next).toMatchObject({ kind: 'aborted' });
  });

  it('ends a stream kept alive by heartbeats at deadlineMs with a deadline error, leaving no timer', async () => {
    const { body, state } = tricklingBody(': ping\n\n', 1_000);
    const data: string[] = [];
    const done = settled(
      (async () => {
        for await (const event of streamSSE('https://api.test/chat', {
          fetch: scriptedFetch(() => eventStream(body)),
          deadlineMs: 5_000,
        }))
          data.push(event.data);
      })(),
    );
    await vi.advanceTimersByTimeAsync(4_999);
    expect(state.cancelled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await done).toMatchObject({
      kind: 'deadline',
      retryable: true,
      message: expect.stringContaining('5000 ms'),
    });
    expect(state.cancelled).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ends at deadlineMs during a backoff wait, without another request', async () => {
    const fetch = scriptedFetch(() => new Response('busy', { status: 503, headers: { 'retry-after': '30' } }));
    const done = settled(streamSSE('https://api.test/chat', { fetch, deadlineMs: 10_000 }).next());
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await done).toMatchObject({ kind: 'deadline' });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reads an error body trickled at 2 B/s for 5 s at most, quoting what arrived', async () => {
    const { body, state } = tricklingBody('ab', 1_000);
    const fetch = scriptedFetch(() => new Response(body, { status: 503 }));
    const done = settled(streamSSE('https://api.test/chat', { fetch, retry: false }).next());
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await done).toMatchObject({ kind: 'http', status: 503, message: expect.stringMatching(/: (ab){4,5}$/) });
    expect(state.cancelled).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reads at most 16 KiB of an endless error body', async () => {
    let pulls = 0;
    const emoji = new TextEncoder().encode('😀'.repeat(256)); // 1 KiB, 512 UTF-16 units
    const body = new ReadableStream<Uint8Array>({ pull: (controller) => void (pulls++, controller.enqueue(emoji)) });
    const done = settled(
      streamSSE('https://api.test/chat', {
        fetch: scriptedFetch(() => new Response(body, { status: 500 })),
        retry: false,
      }).next(),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(await done).toMatchObject({ kind: 'http', status: 500 });
    expect(pulls).toBeLessThanOrEqual(17);
  });
});

describe('streamSSE resume ids', () => {
  it('resumes with any id a header can carry unchanged, and ends interrupted (a RillError) for any other', async () => {
    // Any code point but the line ends that would end the field.
    const id = fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }).map((s) => s.replace(/[\r\n]/g, ''));
    await fc.assert(
      fc.asyncProperty(id, async (sent) => {
        const lastEventIds: (string | null)[] = [];
        const fetch = vi.fn<typeof globalThis.fetch>(async (_url, init) => {
          lastEventIds.push(new Headers(init?.headers).get('last-event-id'));
          return eventStream(lastEventIds.length === 1 ? droppingBody(`id:${sent}\ndata: a\n\n`) : 'data: b\n\n');
        });
        const data: string[] = [];
        const done = (async () => {
          for await (const event of streamSSE('https://api.test/chat', {
            fetch,
            resume: { url: 'https://api.test/chat/resume' },
          }))
            data.push(event.data);
        })().then(
          () => undefined,
          (error: unknown) => error,
        );
        await vi.runAllTimersAsync();
        const error = await done;
        if (error === undefined) {
          expect(data).toEqual(['a', 'b']);
          // The header carries the id exactly as the decoder read it (one leading space is the field's separator).
          expect(lastEventIds).toEqual([null, sent.replace(/^ /, '')]);
        } else {
          expect(isRillError(error) && error.kind === 'interrupted').toBe(true);
          expect(data).toEqual(['a']);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('streamSSE cleanup', () => {
  it('ends at once when aborted during a backoff wait, leaving no timer', async () => {
    const controller = new AbortController();
    const fetch = scriptedFetch(() => new Response('busy', { status: 503, headers: { 'retry-after': '30' } }));
    const next = streamSSE('https://api.test/chat', { fetch, signal: controller.signal, idleTimeoutMs: 5_000 })
      .next()
      .catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort();
    expect(await next).toMatchObject({ kind: 'aborted' });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('leaves no timer behind after a stream that ends', async () => {
    const fetch = scriptedFetch(() => eventStream('data: a\n\ndata: b\n\n'));
    const data: string[] = [];
    for await (const event of streamSSE('https://api.test/chat', { fetch, idleTimeoutMs: 5_000 }))
      data.push(event.data);
    expect(data).toEqual(['a', 'b']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('cancels the body and clears its timer when a stall ends the stream', async () => {
    const { body, state } = openBody('data: a\n\n');
    const iterator = streamSSE('https://api.test/chat', {
      fetch: scriptedFetch(() => eventStream(body)),
      idleTimeoutMs: 5_000,
    });
    expect((await iterator.next()).value?.data).toBe('a');
    const next = iterator.next().catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await next).toMatchObject({ kind: 'interrupted' });
    expect(state.cancelled).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('cancels the body and clears its timer when the consumer breaks', async () => {
    const { body, state } = openBody('data: a\n\ndata: b\n\n');
    for await (const event of streamSSE('https://api.test/chat', {
      fetch: scriptedFetch(() => eventStream(body)),
      idleTimeoutMs: 5_000,
    })) {
      if (event.data === 'a') break;
    }
    expect(state.cancelled).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('cancels a body that ignores the signal when aborted while reading', async () => {
    const controller = new AbortController();
    const { body, state } = openBody('data: a\n\n');
    const iterator = streamSSE('https://api.test/chat', {
      fetch: scriptedFetch(() => eventStream(body)),
      signal: controller.signal,
    });
    await iterator.next();
    const next = iterator.next().catch((error: unknown) => error);
    controller.abort();
    expect(await next).toMatchObject({ kind: 'aborted' });
    expect(state.cancelled).toBe(true);
  });

  it('yields nothing more after an abort, even events that arrived in the same chunk', async () => {
    const controller = new AbortController();
    const { body } = openBody('data: a\n\ndata: b\n\n');
    const iterator = streamSSE('https://api.test/chat', {
      fetch: scriptedFetch(() => eventStream(body)),
      signal: controller.signal,
    });
    expect((await iterator.next()).value?.data).toBe('a');
    controller.abort();
    expect(await iterator.next().catch((error: unknown) => error)).toMatchObject({ kind: 'aborted' });
  });
});
