import { describe, expect, it } from 'vitest';
import { faultServerPerTest, type Play } from '../../test/fault-server.js';
import { stopRun } from './index.js';

const serve = faultServerPerTest();

describe('stopRun', () => {
  it("POSTs the stop URL once with the app's headers and resolves true when the server accepts", async () => {
    const { url, requests } = await serve({
      status: 202,
      headers: { 'content-type': 'application/json' },
      body: '{"status":"stopping"}',
    });
    expect(await stopRun(`${url}/rill/runs/r1/stop`, { headers: { authorization: 'Bearer t' } })).toBe(true);
    expect(requests.map((r) => [r.method, r.url, r.headers.authorization, r.body])).toEqual([
      ['POST', '/rill/runs/r1/stop', 'Bearer t', ''],
    ]);
  });

  it.each<[string, Play]>([
    ['refuses it', { status: 404, body: '{"error":"no run"}' }],
    ['fails', { status: 500 }],
    ['hangs up', { hangup: true }],
  ])('resolves false, never rejects, when the server %s, and does not retry', async (_name, play) => {
    const { url, requests } = await serve(play);
    expect(await stopRun(`${url}/stop`)).toBe(false);
    expect(requests).toHaveLength(1);
  });

  it('gives up after timeoutMs when the server does not answer', async () => {
    let aborted = false;
    const silent = (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => {
          aborted = true;
          reject(new DOMException('aborted', 'AbortError'));
        }),
      );
    expect(await stopRun('https://relay.test/stop', { fetch: silent, timeoutMs: 20 })).toBe(false);
    expect(aborted).toBe(true);
  });

  it('resolves false when the URL cannot be fetched at all', async () => {
    expect(await stopRun('not a url', { fetch: (input) => fetch(input) })).toBe(false);
  });
});
