import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { builtinScenarios, expectedMessage } from '../index.js';
import { startMockServer, STATS_PATH, type MockServer } from './index.js';
import {
  decodeResponse,
  decodeStream,
  instant,
  providerRequest,
  providers,
  requestModels,
} from '../../test/round-trip.js';
import { faultCases } from '../../test/fault-cases.js';

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer({ port: 0, timing: instant });
});
beforeEach(() => server.provider.reset());
afterAll(() => server.close());

describe('Node server (real HTTP on 127.0.0.1) × every provider × every fault, read with streamSSE', () => {
  it('listens on loopback on a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  for (const provider of providers) {
    for (const { fault, scenario, check } of faultCases) {
      it(`${provider} / ${scenario} / ${fault || 'no fault'}`, async () => {
        const message = await decodeStream(
          provider,
          server.url,
          { 'x-rill-mock-scenario': scenario, ...(fault && { 'x-rill-mock-fault': fault }) },
          { idleTimeoutMs: 100 },
        );
        check(message, provider, scenario);
      });
    }
  }
});

describe('Node server behaviour', () => {
  it('a drop destroys the socket: a plain fetch reader fails after the events before it', async () => {
    const { url, body } = providerRequest('gemini', server.url);
    const response = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'x-rill-mock-fault': 'drop-after=2', 'x-rill-mock-scenario': 'text' },
    });
    const message = await decodeResponse('gemini', response);
    expect(message.status).not.toBe('done');
    expect(message.parts).toEqual([{ type: 'text', text: 'Hello! This is Rill’s mock provider, streaming one' }]);
  });

  it('streams over time: the first token waits for the TTFT, then tokens keep coming', async () => {
    const timed = await startMockServer({ port: 0, timing: { ttftMs: 80, tokenDelayMs: 5, jitterMs: 0 } });
    try {
      const { url, body } = providerRequest('openai-chat', timed.url);
      const started = performance.now();
      const response = await fetch(url, { method: 'POST', body, headers: { 'x-rill-mock-scenario': 'text' } });
      const headersAt = performance.now() - started;
      const message = await decodeResponse('openai-chat', response);
      const doneAt = performance.now() - started;
      expect(headersAt).toBeLessThan(80);
      expect(doneAt).toBeGreaterThanOrEqual(80);
      expect(message).toEqual(
        expectedMessage('openai-chat', builtinScenarios.text, { requestModel: requestModels['openai-chat'] }),
      );
    } finally {
      await timed.close();
    }
  });

  it('answers CORS preflights so a browser page can call it', async () => {
    const response = await fetch(`${server.url}/v1/messages`, { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toContain('x-rill-mock-fault');
  });

  it('a client that goes away mid-stream does not break the server', async () => {
    const slow = await startMockServer({ port: 0, timing: { ttftMs: 0, tokenDelayMs: 50, jitterMs: 0 } });
    try {
      const { url, body } = providerRequest('anthropic', slow.url);
      const controller = new AbortController();
      const response = await fetch(url, { method: 'POST', body, signal: controller.signal });
      await response.body?.getReader().read();
      controller.abort();
      const again = await fetch(url, { method: 'POST', body, headers: { 'x-rill-mock-timing': 'ttft=0;delay=0' } });
      expect((await decodeResponse('anthropic', again)).status).toBe('done');
    } finally {
      await slow.close();
    }
  });
});

describe('Node server stats: generations cancelled by the client', () => {
  it('counts a stream the client leaves as cancelled (and says so), one read to its end as completed, a drop fault as dropped', async () => {
    const cancelled: string[] = [];
    const slow = await startMockServer({
      port: 0,
      timing: { ttftMs: 0, tokenDelayMs: 20, jitterMs: 0 },
      onCancel: (path) => cancelled.push(path),
    });
    try {
      const { url, body } = providerRequest('anthropic', slow.url);
      const left = new AbortController();
      const leaving = await fetch(url, {
        method: 'POST',
        body,
        signal: left.signal,
        headers: { 'x-rill-mock-scenario': 'long-text' },
      });
      await leaving.body?.getReader().read();
      left.abort();
      await vi.waitFor(() => expect(cancelled).toEqual(['/v1/messages']));

      await (await fetch(url, { method: 'POST', body, headers: { 'x-rill-mock-timing': 'delay=0' } })).text();
      const dropped = await fetch(url, {
        method: 'POST',
        body,
        headers: { 'x-rill-mock-fault': 'drop-after=2', 'x-rill-mock-timing': 'delay=0' },
      });
      await dropped.text().catch(() => undefined);
      // An error answer is no stream: not counted.
      await fetch(url, { method: 'POST', body, headers: { 'x-rill-mock-fault': '500' } });

      const expected = { started: 3, completed: 1, cancelled: 1, dropped: 1 };
      await vi.waitFor(() => expect(slow.stats()).toEqual(expected));
      expect(cancelled).toHaveLength(1);
      const served = await fetch(`${slow.url}${STATS_PATH}`);
      expect(served.headers.get('content-type')).toBe('application/json');
      expect(await served.json()).toEqual(expected);
      // The fault's request carried no key: counts per key are only its own requests'.
      expect(slow.stats('none')).toEqual({ started: 0, completed: 0, cancelled: 0, dropped: 0 });
    } finally {
      await slow.close();
    }
  });
});

describe('Node server stats per x-rill-mock-key', () => {
  it('counts each key’s streams apart, so one client’s cancellations can be told from another’s', async () => {
    const slow = await startMockServer({ port: 0, timing: { ttftMs: 0, tokenDelayMs: 20, jitterMs: 0 } });
    try {
      const { url, body } = providerRequest('openai-chat', slow.url);
      const left = new AbortController();
      const leaving = await fetch(url, {
        method: 'POST',
        body,
        signal: left.signal,
        headers: { 'x-rill-mock-key': 'tab-a', 'x-rill-mock-scenario': 'long-text' },
      });
      await leaving.body?.getReader().read();
      left.abort();
      await (
        await fetch(url, {
          method: 'POST',
          body,
          headers: { 'x-rill-mock-key': 'tab-b', 'x-rill-mock-timing': 'delay=0' },
        })
      ).text();
      await vi.waitFor(() =>
        expect(slow.stats('tab-a')).toEqual({ started: 1, completed: 0, cancelled: 1, dropped: 0 }),
      );
      expect(slow.stats('tab-b')).toEqual({ started: 1, completed: 1, cancelled: 0, dropped: 0 });
      expect(slow.stats()).toEqual({ started: 2, completed: 1, cancelled: 1, dropped: 0 });
      expect(await (await fetch(`${slow.url}${STATS_PATH}?key=tab-a`)).json()).toEqual(slow.stats('tab-a'));
    } finally {
      await slow.close();
    }
  });
});
