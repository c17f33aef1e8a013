import { streamSSE } from '@rill/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtinScenarios, createMockProvider, encodeScenario, expectedMessage, handleMockRequest } from '../index.js';
import { decodeResponse, instant, providerRequest, providers, requestModels } from '../../test/round-trip.js';

const BASE = 'http://mock.test';

function post(provider: (typeof providers)[number], headers: Record<string, string> = {}, body?: string): Request {
  const request = providerRequest(provider, BASE);
  return new Request(request.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: body ?? request.body,
  });
}

const dataLines = async (response: Response): Promise<string[]> =>
  (await response.text()).split(/\r?\n/).filter((l) => l.startsWith('data: '));

describe('createMockProvider().handle', () => {
  const mock = createMockProvider({ timing: instant });

  it.each(providers)(
    '%s: streams the scenario picked by x-rill-mock-scenario as text/event-stream',
    async (provider) => {
      const response = await mock.handle(post(provider, { 'x-rill-mock-scenario': 'reasoning' }));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(await decodeResponse(provider, response)).toEqual(
        expectedMessage(provider, builtinScenarios.reasoning, { requestModel: requestModels[provider] }),
      );
    },
  );

  it('echoes the last user message when no scenario is named', async () => {
    const request = providerRequest('anthropic', BASE, 'What is SSE?');
    const message = await decodeResponse(
      'anthropic',
      await mock.handle(new Request(request.url, { method: 'POST', body: request.body })),
    );
    expect(message.parts[0]).toMatchObject({ type: 'text', text: expect.stringContaining('You said: “What is SSE?”') });
  });

  it('lets a function choose the scenario from the request', async () => {
    const byModel = createMockProvider({
      timing: instant,
      scenario: ({ model }) => ({ parts: [{ type: 'text', text: `model ${model ?? 'none'}` }] }),
    });
    const message = await decodeResponse('openai-chat', await byModel.handle(post('openai-chat')));
    expect(message.parts).toEqual([{ type: 'text', text: 'model gpt-5.2' }]);
  });

  it('takes the Gemini model from the path', async () => {
    const message = await decodeResponse(
      'gemini',
      await mock.handle(post('gemini', { 'x-rill-mock-scenario': 'text' })),
    );
    expect(message.model).toBe('gemini-2.5-flash');
  });

  it('resumes after the event named by Last-Event-ID, with the same ids', async () => {
    const all = encodeScenario('openai-responses', builtinScenarios.text, { requestModel: 'gpt-5.2' });
    const response = await mock.handle(
      post('openai-responses', { 'x-rill-mock-scenario': 'text', 'last-event-id': '5' }),
    );
    const text = await response.text();
    expect(text.startsWith(`event: ${all[5]?.event ?? ''}\ndata: ${all[5]?.data ?? ''}\nid: 6\n\n`)).toBe(true);
    expect(text.match(/^id: /gm)).toHaveLength(all.length - 5);
  });

  it('leaves ids out when eventIds is false', async () => {
    const text = await (
      await createMockProvider({ timing: instant, eventIds: false }).handle(post('anthropic'))
    ).text();
    expect(text).not.toMatch(/^id:/m);
  });
});

describe('bad requests get the provider’s own 400', () => {
  const mock = createMockProvider({ timing: instant });

  it('Anthropic: invalid_request_error', async () => {
    const response = await mock.handle(
      post('anthropic', {}, JSON.stringify({ model: 'claude-sonnet-4-6', messages: [] })),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'max_tokens: Field required' },
    });
  });

  it.each(['openai-chat', 'openai-responses'] as const)('%s: {error:{message,type,param,code}}', async (provider) => {
    const response = await mock.handle(post(provider, {}, '{"stream": true'));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        message: expect.stringContaining('not valid JSON'),
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    });
  });

  it('Gemini: INVALID_ARGUMENT', async () => {
    const response = await mock.handle(post('gemini', {}, '{}'));
    expect(await response.json()).toEqual({
      error: { code: 400, message: expect.stringContaining('contents'), status: 'INVALID_ARGUMENT' },
    });
  });

  it('an unknown scenario or fault says what is known', async () => {
    const scenario = await mock.handle(post('anthropic', { 'x-rill-mock-scenario': 'nope' }));
    expect((await scenario.json()) as object).toMatchObject({
      error: { message: expect.stringContaining('known: text, reasoning') },
    });
    const fault = await mock.handle(post('openai-chat', { 'x-rill-mock-fault': 'explode' }));
    expect(fault.status).toBe(400);
    expect((await fault.json()) as object).toMatchObject({
      error: { message: expect.stringContaining('unknown fault "explode"') },
    });
  });

  it('an unknown path is a 404', async () => {
    expect((await mock.handle(new Request(`${BASE}/v1/embeddings`, { method: 'POST', body: '{}' }))).status).toBe(404);
  });
});

describe('HTTP faults', () => {
  it('429 carries Retry-After and the provider’s rate-limit shape, once, then the stream is served', async () => {
    const mock = createMockProvider({ timing: instant });
    const headers = { 'x-rill-mock-fault': '429;retry-after=7', 'x-rill-mock-scenario': 'text' };
    const limited = await mock.handle(post('anthropic', headers));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(await limited.json()).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
    expect((await mock.handle(post('anthropic', headers))).status).toBe(200);
    mock.reset();
    expect((await mock.handle(post('anthropic', headers))).status).toBe(429);
  });

  it('Gemini’s 429 sends no Retry-After: the wait is a RetryInfo detail in the body, which streamSSE honours', async () => {
    const mock = createMockProvider({ timing: instant, fault: '429;retry-after=7' });
    const limited = await mock.handle(post('gemini'));
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(await limited.json()).toMatchObject({
      error: {
        code: 429,
        status: 'RESOURCE_EXHAUSTED',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' }],
      },
    });

    mock.reset();
    const request = post('gemini');
    const controller = new AbortController();
    const waits: number[] = [];
    const events = streamSSE(request.url, {
      method: 'POST',
      body: await request.text(),
      signal: controller.signal,
      fetch: (input, init) => mock.handle(new Request(input, init)),
      onReconnect: (info) => {
        waits.push(info.delayMs);
        controller.abort(); // the wait is what is checked, not sat through
      },
    });
    await expect(events.next()).rejects.toMatchObject({ kind: 'aborted' });
    expect(waits).toEqual([7000]);
  });

  it('times counts per x-rill-mock-key, and always never stops', async () => {
    const mock = createMockProvider({ timing: instant, fault: '503;times=always' });
    for (let i = 0; i < 3; i++)
      expect(await (await mock.handle(post('gemini'))).json()).toEqual({
        error: { code: 503, message: expect.any(String), status: 'UNAVAILABLE' },
      });
    const twice = createMockProvider({ timing: instant, fault: { type: 'server-error', status: 500, times: 2 } });
    const statuses = [];
    for (const key of ['a', 'a', 'a', 'b'])
      statuses.push((await twice.handle(post('openai-chat', { 'x-rill-mock-key': key }))).status);
    expect(statuses).toEqual([500, 500, 200, 500]);
  });

  it('html answers a page instead of a stream (200 portal or 502 proxy)', async () => {
    const portal = await handleMockRequest(post('openai-responses', { 'x-rill-mock-fault': 'html' }));
    expect([portal.status, portal.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(await portal.text()).toMatch(/^<!DOCTYPE html>/);
    expect((await handleMockRequest(post('openai-responses', { 'x-rill-mock-fault': 'html=502' }))).status).toBe(502);
  });
});

describe('stream faults', () => {
  const mock = createMockProvider({ timing: instant });

  it('malformed puts a non-JSON data line after N events and the decoder stops there with malformed-event', async () => {
    const response = await mock.handle(
      post('openai-chat', { 'x-rill-mock-fault': 'malformed;after=3', 'x-rill-mock-scenario': 'text' }),
    );
    const lines = await dataLines(response.clone());
    expect(() => JSON.parse(lines[3]?.slice(6) ?? '')).toThrow();
    const message = await decodeResponse('openai-chat', response);
    expect(message).toMatchObject({
      status: 'error',
      error: { kind: 'malformed-event' },
      parts: [{ type: 'text', text: 'Hello! This' }],
    });
  });

  it.each(providers)(
    '%s: no-terminator ends cleanly without the terminator: interrupted, what arrived kept',
    async (provider) => {
      const message = await decodeResponse(
        provider,
        await mock.handle(
          post(provider, { 'x-rill-mock-fault': 'no-terminator', 'x-rill-mock-scenario': 'reasoning' }),
        ),
      );
      expect(message).toMatchObject(
        expectedMessage(provider, builtinScenarios.reasoning, {
          requestModel: requestModels[provider],
          terminate: false,
        }),
      );
      expect(message.error?.kind).toBe('interrupted');
    },
  );

  it('drop-after breaks the body after N events, which the client has read', async () => {
    const response = await mock.handle(
      post('anthropic', { 'x-rill-mock-fault': 'drop-after=4', 'x-rill-mock-scenario': 'text' }),
    );
    const message = await decodeResponse('anthropic', response);
    expect(message.status).not.toBe('done');
    expect(message.error?.retryable).toBe(true);
    expect(message.parts).toEqual([{ type: 'text', text: 'Hello!' }]);
  });

  describe('timers', () => {
    afterEach(() => {
      vi.useRealTimers();
    });
    const slow = createMockProvider({ timing: { ttftMs: 0, tokenDelayMs: 10_000, jitterMs: 0 } });
    const { url, body } = providerRequest('anthropic', BASE);
    // Reads what is due at once; the mock then arms a timer for the next token, 10 s away.
    const readUntilWaiting = async (reader: ReadableStreamDefaultReader<Uint8Array> | undefined): Promise<void> => {
      for (let reads = 0; reads < 10 && vi.getTimerCount() === 0; reads++) {
        await reader?.read();
        // The stream pulls again only after the read settles: let that pull arm its timer before checking.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };

    it('stop when the client cancels the body', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const reader = (await slow.handle(new Request(url, { method: 'POST', body })).then((r) => r.body))?.getReader();
      await readUntilWaiting(reader);
      expect(vi.getTimerCount()).toBe(1);
      await reader?.cancel();
      expect(vi.getTimerCount()).toBe(0);
    });

    it('stop when the request is aborted', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const controller = new AbortController();
      const reader = (
        await slow.handle(new Request(url, { method: 'POST', body, signal: controller.signal })).then((r) => r.body)
      )?.getReader();
      await readUntilWaiting(reader);
      expect(vi.getTimerCount()).toBe(1);
      controller.abort();
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});
