import { describe, expect, it } from 'vitest';
import { isRillError, type RillError } from '../errors.js';
import { sse, faultServerPerTest } from '../../test/fault-server.js';
import { streamSSE, type RunInfo, type StreamSSEOptions } from './index.js';

const serve = faultServerPerTest();

async function collect(url: string, opts: StreamSSEOptions) {
  const data: string[] = [];
  const runs: [RunInfo, string][] = [];
  let error: RillError | undefined;
  try {
    for await (const event of streamSSE(url, {
      retry: { baseDelayMs: 1 },
      onRun: (run, eventId) => runs.push([run, eventId]),
      ...opts,
    }))
      data.push(event.data);
  } catch (caught) {
    if (!isRillError(caught)) throw caught;
    error = caught;
  }
  return { data, runs, error };
}

const runEvent = (id: string) =>
  sse({ event: 'rill-run', id, data: JSON.stringify({ runId: 'r1', resume: '/runs/r1', stop: '/runs/r1/stop' }) });
const done = (id: string) => sse({ event: 'rill-end', id, data: '{"status":"done"}' });
const events = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => sse({ id: String(from + i), data: `e${from + i}` }));

describe('streamSSE beginning at a resume target (lastEventId)', () => {
  it('sends no request body: its first request is a GET with Last-Event-ID, and it reads the run from there', async () => {
    const { url, requests } = await serve({ stream: [runEvent('0'), ...events(1, 2), done('3')], then: 'end' });
    const { data, runs, error } = await collect(`${url}/runs/r1`, { lastEventId: '0', body: 'generate' });
    expect(error).toBeUndefined();
    expect(data).toEqual(['e1', 'e2']);
    expect(requests.map((r) => [r.method, r.url, r.headers['last-event-id'], r.body])).toEqual([
      ['GET', '/runs/r1', '0', ''],
    ]);
    expect(runs).toEqual([[{ runId: 'r1', resumeUrl: `${url}/runs/r1`, stopUrl: `${url}/runs/r1/stop` }, '0']]);
  });

  it('resumes a drop after the last event it read, not from where it began', async () => {
    const { url, requests } = await serve(
      { stream: [runEvent('2'), ...events(3, 4)], then: 'drop' },
      { stream: [runEvent('4'), ...events(5, 5), done('6')], then: 'end' },
    );
    const { data, runs } = await collect(`${url}/runs/r1`, { lastEventId: '2' });
    expect(data).toEqual(['e3', 'e4', 'e5']);
    expect(requests.map((r) => r.headers['last-event-id'])).toEqual(['2', '4']);
    expect(runs.map(([, eventId]) => eventId)).toEqual(['2', '4']);
  });

  it('retries a 503 on its first request as the same resume', async () => {
    const { url, requests } = await serve(
      { status: 503 },
      { stream: [runEvent('7'), ...events(8, 8), done('9')], then: 'end' },
    );
    const { data, error } = await collect(`${url}/runs/r1`, { lastEventId: '7' });
    expect(error).toBeUndefined();
    expect(data).toEqual(['e8']);
    expect(requests.map((r) => [r.method, r.headers['last-event-id']])).toEqual([
      ['GET', '7'],
      ['GET', '7'],
    ]);
  });

  it.each([404, 410])('ends interrupted, keeping the HTTP status, when the run is gone (%i)', async (status) => {
    const { url, requests } = await serve({
      status,
      body: '{"error":{"kind":"interrupted","message":"No run r1 here"}}',
    });
    const { data, error } = await collect(`${url}/runs/r1`, { lastEventId: '5' });
    expect(data).toEqual([]);
    expect(error).toMatchObject({ kind: 'interrupted', status, message: expect.stringContaining('No run r1 here') });
    expect(requests).toHaveLength(1);
  });

  it('goes to the resume option with its method when one is given', async () => {
    const { url, requests } = await serve({ stream: [...events(4, 4), done('5')], then: 'end' });
    await collect(`${url}/chat`, {
      lastEventId: '3',
      body: 'generate',
      resume: { url: `${url}/chat/resume`, method: 'POST' },
    });
    expect(requests.map((r) => [r.method, r.url, r.headers['last-event-id'], r.body])).toEqual([
      ['POST', '/chat/resume', '3', 'generate'],
    ]);
  });

  it('ends interrupted without a request when the id cannot travel in a Last-Event-ID header', async () => {
    const { url, requests } = await serve({ stream: events(1, 1), then: 'end' });
    const { error } = await collect(url, { lastEventId: 'msg-☃' });
    expect(error).toMatchObject({
      kind: 'interrupted',
      message: expect.stringContaining('cannot be sent in a Last-Event-ID header'),
    });
    expect(requests).toHaveLength(0);
  });
});
