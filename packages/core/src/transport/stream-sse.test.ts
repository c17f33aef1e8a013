import { describe, expect, it, vi } from 'vitest';
import { isRillError, type RillError } from '../errors.js';
import type { SSEEvent } from '../sse/index.js';
import { sse, faultServerPerTest, type Play } from '../../test/fault-server.js';
import { streamSSE, type ReconnectInfo, type StreamSSEOptions } from './index.js';

const serve = faultServerPerTest();

/** Runs a stream to its end and returns what arrived and how it ended. */
async function collect(url: string, opts: StreamSSEOptions = {}) {
  const data: string[] = [];
  const reconnects: ReconnectInfo[] = [];
  let error: RillError | undefined;
  try {
    for await (const event of streamSSE(url, {
      retry: { baseDelayMs: 1 },
      onReconnect: (info) => reconnects.push(info),
      ...opts,
    })) {
      data.push(event.data);
    }
  } catch (caught) {
    if (!isRillError(caught)) throw caught;
    error = caught;
  }
  return { data, reconnects, error };
}

const events = (from: number, to: number, withIds: boolean) =>
  Array.from({ length: to - from + 1 }, (_, i) =>
    sse({ data: `e${from + i}`, ...(withIds && { id: String(from + i) }) }),
  );

describe('streamSSE requests', () => {
  it('sends a POST with the body, the caller headers and accept: text/event-stream', async () => {
    const { url, requests } = await serve({ stream: [sse({ event: 'delta', data: 'hi', id: '7' })], then: 'end' });
    const got: SSEEvent[] = [];
    for await (const event of streamSSE(`${url}/chat`, {
      body: '{"prompt":"x"}',
      headers: { authorization: 'Bearer k' },
    }))
      got.push(event);
    expect(got).toEqual([{ event: 'delta', data: 'hi', id: '7' }]);
    expect(requests[0]).toMatchObject({ method: 'POST', url: '/chat', body: '{"prompt":"x"}' });
    expect(requests[0]?.headers).toMatchObject({ accept: 'text/event-stream', authorization: 'Bearer k' });
  });

  it('uses GET when there is no body and keeps an accept header the caller set', async () => {
    const { url, requests } = await serve({ stream: [sse({ data: 'a' })], then: 'end' });
    expect((await collect(url, { headers: { accept: 'text/event-stream, */*' } })).data).toEqual(['a']);
    expect(requests[0]).toMatchObject({ method: 'GET', headers: { accept: 'text/event-stream, */*' } });
  });

  it('reports each opened response to onOpen', async () => {
    const { url } = await serve({ stream: [sse({ data: 'a' })], then: 'end' });
    const statuses: number[] = [];
    await collect(url, { onOpen: (response) => statuses.push(response.status) });
    expect(statuses).toEqual([200]);
  });
});

describe('streamSSE failures before the response starts', () => {
  it('retries a 500 and then streams', async () => {
    const { url, requests } = await serve(
      { status: 500, body: 'boom' },
      { stream: [sse({ data: 'ok' })], then: 'end' },
    );
    const { data, reconnects, error } = await collect(url, { body: 'once' });
    expect(error).toBeUndefined();
    expect(data).toEqual(['ok']);
    expect(requests.map((r) => r.body)).toEqual(['once', 'once']);
    expect(reconnects).toMatchObject([
      { attempt: 2, maxAttempts: 5, error: { kind: 'http', status: 500, retryable: true } },
    ]);
  });

  it('retries a network error', async () => {
    const { url, requests } = await serve({ hangup: true }, { stream: [sse({ data: 'ok' })], then: 'end' });
    const { data, reconnects } = await collect(url);
    expect(data).toEqual(['ok']);
    expect(requests).toHaveLength(2);
    expect(reconnects[0]?.error.kind).toBe('network');
  });

  it('waits for Retry-After seconds on a 429', async () => {
    const { url, requests } = await serve(
      { status: 429, headers: { 'retry-after': '1' } },
      { stream: [sse({ data: 'ok' })], then: 'end' },
    );
    const { data, reconnects } = await collect(url, { retry: { baseDelayMs: 1, maxDelayMs: 1 } });
    expect(data).toEqual(['ok']);
    expect(requests).toHaveLength(2);
    expect(reconnects).toMatchObject([{ attempt: 2, delayMs: 1000, error: { kind: 'http', status: 429 } }]);
  });

  it('never retries a 400 and quotes its body', async () => {
    const { url, requests } = await serve({ status: 400, body: '{"error":"bad prompt"}' });
    const { error, reconnects } = await collect(url, { body: 'x' });
    expect(requests).toHaveLength(1);
    expect(reconnects).toEqual([]);
    expect(error?.toValue()).toEqual({
      kind: 'http',
      status: 400,
      retryable: false,
      message: expect.stringContaining('{"error":"bad prompt"}'),
    });
  });

  it('rejects a 2xx that is not an event stream, quoting the first 200 characters of the body', async () => {
    const page = `<html>${'x'.repeat(194)}TAIL${'y'.repeat(5000)}`;
    const { url, requests } = await serve({ status: 200, headers: { 'content-type': 'text/html' }, body: page });
    const { error } = await collect(url);
    expect(requests).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'content-type', status: 200, retryable: false });
    expect(error?.message).toContain('text/html');
    expect(error?.message).toContain(page.slice(0, 200));
    expect(error?.message).not.toContain('TAIL');
  });

  it('throws the last error once maxAttempts requests have failed', async () => {
    const { url, requests } = await serve({ status: 503, body: 'busy' });
    const { error, reconnects } = await collect(url, { retry: { maxAttempts: 3, baseDelayMs: 1 } });
    expect(requests).toHaveLength(3);
    expect(reconnects.map((r) => `${r.attempt}/${r.maxAttempts}`)).toEqual(['2/3', '3/3']);
    expect(error).toMatchObject({ kind: 'http', status: 503, retryable: true });
  });

  it('makes a single request when retry is false', async () => {
    const { url, requests } = await serve({ status: 503 });
    expect((await collect(url, { retry: false })).error?.status).toBe(503);
    expect(requests).toHaveLength(1);
  });
});

describe('streamSSE after events have flowed', () => {
  it('never sends the POST again without a resume target: a drop ends interrupted, keeping every event', async () => {
    // The second play is a server that ignores Last-Event-ID: a resend would bill a second generation and splice it in.
    const { url, requests } = await serve(
      { stream: events(1, 3, true), then: 'drop' },
      { stream: events(1, 6, true), then: 'end' },
    );
    const { data, error, reconnects } = await collect(url, { body: 'generate' });
    expect(data).toEqual(['e1', 'e2', 'e3']);
    expect(error).toMatchObject({
      kind: 'interrupted',
      retryable: true,
      message: expect.stringContaining('no resume target'),
    });
    expect(requests).toHaveLength(1);
    expect(reconnects).toEqual([]);
  });

  it('ends with an interrupted error, keeping every event, when a stream without ids drops', async () => {
    const { url, requests } = await serve(
      { stream: events(1, 3, false), then: 'drop' },
      { stream: events(1, 3, false), then: 'end' },
    );
    const { data, error } = await collect(url, { body: 'generate' });
    expect(data).toEqual(['e1', 'e2', 'e3']);
    expect(error).toMatchObject({ kind: 'interrupted', retryable: true });
    expect(requests).toHaveLength(1);
  });

  it('resumes a dropped stream at a resume target it is given, with Last-Event-ID, and skips the event the server replays', async () => {
    const { url, requests } = await serve(
      { stream: events(1, 3, true), then: 'drop' },
      { stream: events(3, 5, true), then: 'end' },
    );
    const { data, error, reconnects } = await collect(url, { body: 'generate', resume: { url, method: 'POST' } });
    expect(error).toBeUndefined();
    expect(data).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(requests.map((r) => [r.method, r.headers['last-event-id'], r.body])).toEqual([
      ['POST', undefined, 'generate'],
      ['POST', '3', 'generate'],
    ]);
    expect(reconnects).toMatchObject([{ attempt: 2, error: { kind: 'network' } }]);
  });

  it.each([
    ['honours Last-Event-ID', events(4, 5, true)],
    ['replays from the last id', events(3, 5, true)],
    ['replays from the start', events(1, 5, true)],
  ])('yields each event once when the server %s', async (_name, replay) => {
    const { url } = await serve({ stream: events(1, 3, true), then: 'drop' }, { stream: replay, then: 'end' });
    expect((await collect(url, { resume: { url } })).data).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
  });

  it('loses nothing from a server that sends one id per message and resumes from the message', async () => {
    const message = (id: string, ...data: string[]) => data.map((d) => sse({ id, data: d }));
    const { url, requests } = await serve(
      { stream: [...message('m1', 'a', 'b'), ...message('m2', 'c')], then: 'drop' },
      { stream: [...message('m2', 'c', 'd'), ...message('m3', 'e')], then: 'end' },
    );
    expect((await collect(url, { resume: { url } })).data).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(requests[1]?.headers['last-event-id']).toBe('m2');
  });

  it('loses nothing from a server that gives every event one id and replays from the start', async () => {
    const all = ['a', 'b', 'c', 'd', 'e'].map((data) => sse({ id: 'resp_1', data }));
    const { url } = await serve({ stream: all.slice(0, 3), then: 'drop' }, { stream: all, then: 'end' });
    expect((await collect(url, { resume: { url } })).data).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('ends interrupted, a typed error, when the last id cannot travel in a Last-Event-ID header', async () => {
    const { url, requests } = await serve(
      { stream: [sse({ id: 'msg-☃', data: 'a' })], then: 'drop' },
      { stream: events(2, 2, true), then: 'end' },
    );
    const { data, error } = await collect(url, { resume: { url } });
    expect(data).toEqual(['a']);
    expect(error).toMatchObject({
      kind: 'interrupted',
      retryable: true,
      message: expect.stringContaining('cannot be sent in a Last-Event-ID header'),
    });
    expect(requests).toHaveLength(1);
  });

  it('does not resume after the server reset the event id with an empty id field', async () => {
    const { url, requests } = await serve(
      { stream: [...events(1, 2, true), 'id\ndata: e3\n\n'], then: 'drop' },
      { stream: events(3, 5, true), then: 'end' },
    );
    const { data, error } = await collect(url, { body: 'generate', resume: { url, method: 'POST' } });
    expect(data).toEqual(['e1', 'e2', 'e3']);
    expect(error).toMatchObject({ kind: 'interrupted', retryable: true });
    expect(requests).toHaveLength(1);
  });

  it('re-attaches to resume.url with resume.method and no body', async () => {
    const { url, requests } = await serve(
      { stream: events(1, 2, true), then: 'drop' },
      { stream: events(3, 3, true), then: 'end' },
    );
    const { data } = await collect(`${url}/chat`, {
      body: 'generate',
      resume: { url: `${url}/chat/stream`, method: 'GET' },
    });
    expect(data).toEqual(['e1', 'e2', 'e3']);
    expect(requests[1]).toMatchObject({
      method: 'GET',
      url: '/chat/stream',
      body: '',
      headers: { 'last-event-id': '2' },
    });
  });

  it("waits the server's retry: delay before resuming", async () => {
    const { url } = await serve(
      { stream: ['retry: 300\n\n', ...events(1, 1, true)], then: 'drop' },
      { stream: events(2, 2, true), then: 'end' },
    );
    const { data, reconnects } = await collect(url, { retry: { baseDelayMs: 10_000 }, resume: { url } });
    expect(data).toEqual(['e1', 'e2']);
    expect(reconnects.map((r) => r.delayMs)).toEqual([300]);
  });

  it('ends interrupted once maxReconnects are spent, although every connection brought a fresh event', async () => {
    // Each response: `retry: 0`, one event with a fresh id, then a drop. Events used to reset the count: it never stopped.
    const plays = Array.from({ length: 20 }, (_, i): Play => ({
      stream: ['retry: 0\n\n', ...events(i + 1, i + 1, true)],
      then: 'drop',
    }));
    const { url, requests } = await serve(...plays);
    const { data, error, reconnects } = await collect(url, {
      retry: { baseDelayMs: 1, maxReconnects: 3 },
      resume: { url },
    });
    expect(data).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(error).toMatchObject({
      kind: 'interrupted',
      message: expect.stringContaining('gave up after 3 reconnects'),
    });
    expect(requests).toHaveLength(4);
    expect(reconnects.map((r) => r.attempt)).toEqual([2, 2, 2]);
  });

  it('retries a resume that gets a 503 and ends interrupted on a resume that gets a 404, keeping the events', async () => {
    const { url, requests } = await serve(
      { stream: events(1, 1, true), then: 'drop' },
      { status: 503 },
      { stream: events(2, 2, true), then: 'drop' },
      { status: 404, body: 'gone' },
    );
    const { data, error } = await collect(url, { resume: { url } });
    expect(data).toEqual(['e1', 'e2']);
    expect(error).toMatchObject({ kind: 'interrupted', status: 404, message: expect.stringContaining('HTTP 404') });
    expect(requests.map((r) => r.headers['last-event-id'])).toEqual([undefined, '1', '1', '2']);
  });

  it('treats silence as a dropped connection: resumes a stalled stream with ids', async () => {
    const { url, requests } = await serve(
      { stream: events(1, 1, true), then: 'stall' },
      { stream: events(2, 2, true), then: 'end' },
    );
    const { data, reconnects } = await collect(url, { idleTimeoutMs: 100, resume: { url } });
    expect(data).toEqual(['e1', 'e2']);
    expect(reconnects[0]?.error.kind).toBe('stall');
    await vi.waitFor(() => expect(requests[0]?.clientClosed).toBe(true));
  });

  it('ends a stalled stream without ids with an interrupted error', async () => {
    const { url } = await serve({ stream: events(1, 2, false), then: 'stall' });
    const { data, error } = await collect(url, { idleTimeoutMs: 100 });
    expect(data).toEqual(['e1', 'e2']);
    expect(error).toMatchObject({ kind: 'interrupted', message: expect.stringContaining('No data for 100 ms') });
  });

  it('counts heartbeat comments as life', async () => {
    const { url, requests } = await serve({
      stream: [sse({ data: 'a' }), 300, sse({ data: 'b' })],
      then: 'end',
      heartbeatMs: 20,
    });
    const { data, error } = await collect(url, { idleTimeoutMs: 100 });
    expect(error).toBeUndefined();
    expect(data).toEqual(['a', 'b']);
    expect(requests).toHaveLength(1);
  });
});

const runEvent = (id: string, runId = 'r1', resume = `runs/${runId}`, stop = `runs/${runId}/stop`) =>
  sse({ event: 'rill-run', id, data: JSON.stringify({ runId, resume, stop }) });
const endEvent = (id: string, end: object) => sse({ event: 'rill-end', id, data: JSON.stringify(end) });

describe('streamSSE with a run the server announces (rill-run / rill-end)', () => {
  it('resumes a clean close at the announced URL (resolved against the response URL) with GET, Last-Event-ID and no body', async () => {
    const { url, requests } = await serve(
      { status: 307, headers: { location: '/v2/chat' } },
      { stream: [runEvent('0'), ...events(1, 2, true)], then: 'end' },
      {
        stream: [
          runEvent('2', 'r1', '/v2/runs/r1', '/v2/runs/r1/stop'),
          ...events(3, 3, true),
          endEvent('4', { status: 'done' }),
        ],
        then: 'stall',
      },
    );
    const runs: unknown[] = [];
    const got: SSEEvent[] = [];
    for await (const event of streamSSE(`${url}/v1/chat`, {
      body: 'generate',
      retry: { baseDelayMs: 1 },
      onRun: (run) => runs.push(run),
    }))
      got.push(event);
    expect(got.map((e) => [e.event, e.data])).toEqual([
      ['message', 'e1'],
      ['message', 'e2'],
      ['message', 'e3'],
    ]);
    expect(requests.map((r) => [r.method, r.url, r.headers['last-event-id'], r.body])).toEqual([
      ['POST', '/v1/chat', undefined, 'generate'],
      ['POST', '/v2/chat', undefined, 'generate'],
      ['GET', '/v2/runs/r1', '2', ''],
    ]);
    const announced = { runId: 'r1', resumeUrl: `${url}/v2/runs/r1`, stopUrl: `${url}/v2/runs/r1/stop` };
    expect(runs).toEqual([announced, announced]);
    await vi.waitFor(() => expect(requests[2]?.clientClosed).toBe(true));
  });

  it('resumes right after the announcement with its id when no other event came', async () => {
    const { url, requests } = await serve(
      { stream: [runEvent('r1:0')], then: 'drop' },
      { stream: [runEvent('r1:0'), ...events(1, 1, true), endEvent('2', { status: 'done' })], then: 'end' },
    );
    expect((await collect(url, { body: 'generate' })).data).toEqual(['e1']);
    expect(requests[1]).toMatchObject({ method: 'GET', url: '/runs/r1', headers: { 'last-event-id': 'r1:0' } });
  });

  it("resumes at the caller's resume target over the announced one", async () => {
    const { url, requests } = await serve(
      { stream: [runEvent('0'), ...events(1, 1, true)], then: 'drop' },
      { stream: [...events(2, 2, true), endEvent('3', { status: 'done' })], then: 'end' },
    );
    const { data } = await collect(url, { body: 'generate', resume: { url: `${url}/mine`, method: 'POST' } });
    expect(data).toEqual(['e1', 'e2']);
    expect(requests[1]).toMatchObject({
      method: 'POST',
      url: '/mine',
      body: 'generate',
      headers: { 'last-event-id': '1' },
    });
  });

  it.each([
    [{ status: 'aborted' }, { kind: 'aborted', retryable: false }],
    [{ status: 'error' }, { kind: 'provider', message: 'The run ended with status error' }],
    [
      { status: 'error', error: { kind: 'http', message: 'HTTP 529 overloaded', retryable: true, status: 529 } },
      { kind: 'http', status: 529, message: 'HTTP 529 overloaded', retryable: true },
    ],
    [
      { status: 'interrupted', error: { kind: 'interrupted', message: 'upstream dropped', retryable: true } },
      { kind: 'interrupted', message: 'upstream dropped' },
    ],
    [{ status: 'interrupted' }, { kind: 'interrupted', retryable: true }],
  ])('ends on rill-end %j with that error, keeping the events and not resuming', async (end, expected) => {
    const { url, requests } = await serve({
      stream: [runEvent('0'), ...events(1, 2, true), endEvent('3', end)],
      then: 'end',
    });
    const { data, error, reconnects } = await collect(url, { body: 'generate' });
    expect(data).toEqual(['e1', 'e2']);
    expect(error?.toValue()).toMatchObject(expected);
    expect(requests).toHaveLength(1);
    expect(reconnects).toEqual([]);
  });

  it.each([404, 410])('ends interrupted, keeping the events, when the resume gets a %i', async (status) => {
    const { url, requests } = await serve(
      { stream: [runEvent('0'), ...events(1, 2, true)], then: 'drop' },
      { status, body: '{"error":{"kind":"interrupted","message":"unknown run"}}' },
    );
    const { data, error } = await collect(url, { body: 'generate' });
    expect(data).toEqual(['e1', 'e2']);
    expect(error).toMatchObject({ kind: 'interrupted', status, message: expect.stringContaining('unknown run') });
    expect(requests).toHaveLength(2);
  });

  it.each([
    ['https://elsewhere.test/runs/r1', 'runs/r1/stop'],
    ['runs/r1', '//elsewhere.test/runs/r1/stop'],
  ])(
    'refuses an announced resume %s / stop %s on another origin: the resume would carry the headers there',
    async (resume, stop) => {
      const { url, requests } = await serve({
        stream: [runEvent('0', 'r1', resume, stop), ...events(1, 1, true)],
        then: 'drop',
      });
      const { data, error } = await collect(url, { body: 'generate', headers: { authorization: 'Bearer secret' } });
      expect(data).toEqual([]);
      expect(error).toMatchObject({ kind: 'malformed-event', retryable: false });
      expect(requests).toHaveLength(1);
    },
  );

  it('rejects a rill-run event without its URLs as malformed', async () => {
    const { url } = await serve({
      stream: [sse({ event: 'rill-run', id: '0', data: '{"runId":"r1"}' }), ...events(1, 1, true)],
      then: 'end',
    });
    expect((await collect(url)).error).toMatchObject({
      kind: 'malformed-event',
      retryable: false,
      message: expect.stringContaining('{"runId":"r1"}'),
    });
  });
});

describe('streamSSE abort and early exit', () => {
  it('ends within one tick when aborted while reading, and the server sees the close', async () => {
    const { url, requests } = await serve({ stream: events(1, 1, false), then: 'stall' });
    const controller = new AbortController();
    const iterator = streamSSE(url, { signal: controller.signal });
    expect((await iterator.next()).value?.data).toBe('e1');
    const pending = iterator.next().then(
      () => 'resolved',
      (error: unknown) => error,
    );
    controller.abort();
    const settled = await Promise.race([
      pending,
      new Promise((resolve) => setImmediate(() => resolve('still waiting'))),
    ]);
    expect(settled).toMatchObject({ kind: 'aborted', retryable: false });
    await vi.waitFor(() => expect(requests[0]?.clientClosed).toBe(true));
  });

  it('closes the connection when the consumer breaks early', async () => {
    const { url, requests } = await serve({
      stream: [...events(1, 2, true), 5_000, ...events(3, 3, true)],
      then: 'end',
    });
    for await (const event of streamSSE(url)) {
      if (event.data === 'e2') break;
    }
    await vi.waitFor(() => expect(requests[0]?.clientClosed).toBe(true));
  });
});

describe('streamSSE size caps', () => {
  it('yields the events before a line over maxLineLength, then ends with too-large and never retries', async () => {
    const long = sse({ data: 'x'.repeat(200), id: '3' });
    const { url, requests } = await serve({
      stream: [sse({ data: 'a', id: '1' }) + sse({ data: 'b', id: '2' }) + long],
      then: 'stall',
    });
    const { data, error } = await collect(url, { maxLineLength: 100, resume: { url } });
    expect(data).toEqual(['a', 'b']);
    expect(error?.toValue()).toMatchObject({ kind: 'too-large', retryable: false });
    expect(requests).toHaveLength(1);
  });
});
