import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryEventLog, createRelay, requestPolicy, type EventLog } from '../src/index.js';
import { serveRelay } from '../src/node/index.js';
import { plainUpstream, type PlainUpstream } from './support/plain-upstream.js';
import {
  announced,
  byHeader,
  endOf,
  idAt,
  providerEvents,
  readEvents,
  resume,
  startStack,
  stop,
  TEST_KEY,
  type RelayStack,
} from './support/relay-stack.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(cleanups.splice(0).map((close) => close()));
});
async function stackOf(...args: Parameters<typeof startStack>): Promise<RelayStack> {
  const stack = await startStack(...args);
  cleanups.push(() => stack.close());
  return stack;
}
async function upstreamOf(answer: (request: Request) => Response): Promise<PlainUpstream> {
  const upstream = await plainUpstream(answer);
  cleanups.push(() => upstream.close());
  return upstream;
}

/** A response's status, headers and body as text, with the check every answer must pass: the key is nowhere in it. */
async function settle(response: Response): Promise<{
  status: number;
  headers: Headers;
  text: string;
  error: { kind: string; message: string; status: number; retryable: boolean };
}> {
  const text = await response.text();
  expect(text).not.toContain(TEST_KEY);
  expect([...response.headers].join('\n')).not.toContain(TEST_KEY);
  const parsed = (() => {
    try {
      return JSON.parse(text) as { error: { kind: string; message: string; status: number; retryable: boolean } };
    } catch {
      return { error: { kind: '', message: '', status: 0, retryable: false } };
    }
  })();
  return { status: response.status, headers: response.headers, text, error: parsed.error };
}

describe('the relay refuses to start without what keeps it safe', () => {
  it('no authorize hook and no allowAnonymous: it is not an open proxy', () => {
    expect(() => createRelay({ provider: 'anthropic', apiKey: TEST_KEY })).toThrow(
      /refusing to start an open proxy: pass authorize\(request\).*allowAnonymous: true/,
    );
    expect(() => createRelay({ provider: 'anthropic', apiKey: TEST_KEY, allowAnonymous: true })).not.toThrow();
  });

  it('no key: says which environment variable to set', () => {
    vi.stubEnv('OPENAI_API_KEY', '');
    expect(() => createRelay({ provider: 'openai-responses', authorize: byHeader })).toThrow(
      'no API key for openai-responses: set OPENAI_API_KEY',
    );
    vi.stubEnv('OPENAI_API_KEY', TEST_KEY);
    expect(() => createRelay({ provider: 'openai-responses', authorize: byHeader })).not.toThrow();
  });
});

describe('bad requests get a JSON error with the right status', () => {
  it('401 when authorize names no principal', async () => {
    const stack = await stackOf();
    const call = await settle(await fetch(`${stack.server.url}/v1/messages`, { method: 'POST', body: '{}' }));
    expect(call).toMatchObject({
      status: 401,
      error: { kind: 'http', status: 401, message: 'Not authorized to use this relay', retryable: false },
    });
  });

  it('413 for a body over the cap, declared or streamed', async () => {
    const stack = await stackOf({ relay: { maxBodyBytes: 64 } });
    const big = JSON.stringify({ model: 'm', stream: true, messages: [{ role: 'user', content: 'x'.repeat(100) }] });
    expect(await settle(await stack.start({ body: big }))).toMatchObject({
      status: 413,
      error: { kind: 'invalid-request', message: 'The request body is over 64 bytes' },
    });
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const response = await fetch(`${stack.server.url}/v1/messages`, {
      method: 'POST',
      body: chunked,
      headers: { 'x-user': 'alice' },
      duplex: 'half',
    } as RequestInit);
    expect((await settle(response)).status).toBe(413);
  });

  it('400 for malformed JSON, a body that is not an object, and a request that does not stream', async () => {
    const stack = await stackOf();
    const malformed = await settle(await stack.start({ body: '{"model": "m", ' }));
    expect(malformed).toMatchObject({ status: 400, error: { kind: 'invalid-request', retryable: false } });
    expect(malformed.error.message).toMatch(/^The request body is not valid JSON: /);
    expect(await settle(await stack.start({ body: '[1]' }))).toMatchObject({
      status: 400,
      error: { message: 'The request body must be a JSON object' },
    });
    expect(await settle(await stack.start({ body: '{"model":"m","messages":[]}' }))).toMatchObject({
      status: 400,
      error: { message: 'The relay only streams: set "stream": true' },
    });
  });

  it('403 for a model outside the allow-list (Gemini: the model in the path)', async () => {
    const anthropic = await stackOf({ relay: { policy: requestPolicy({ models: ['claude-haiku-4-5'] }) } });
    const refused = await settle(await anthropic.start());
    expect(refused).toMatchObject({
      status: 403,
      error: {
        kind: 'invalid-request',
        message: 'The model "claude-sonnet-4-6" is not allowed here; allowed: claude-haiku-4-5',
      },
    });
    const gemini = await stackOf({
      provider: 'gemini',
      relay: { policy: requestPolicy({ models: ['gemini-2.5-flash'] }) },
    });
    expect((await gemini.start()).status).toBe(200);
    const other = await fetch(`${gemini.server.url}/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse`, {
      method: 'POST',
      headers: { 'x-user': 'alice' },
      body: '{"contents":[]}',
    });
    expect(await settle(other)).toMatchObject({
      status: 403,
      error: { message: 'The model "gemini-2.5-pro" is not allowed here; allowed: gemini-2.5-flash' },
    });
  });

  it('404 for a path the relay does not serve, 405 for the wrong method', async () => {
    const stack = await stackOf();
    expect(
      await settle(
        await fetch(`${stack.server.url}/v1/chat/completions`, { method: 'POST', headers: { 'x-user': 'alice' } }),
      ),
    ).toMatchObject({ status: 404, error: { message: 'The relay serves no /v1/chat/completions' } });
    const wrong = await settle(await fetch(`${stack.server.url}/v1/messages`, { headers: { 'x-user': 'alice' } }));
    expect(wrong).toMatchObject({ status: 405, error: { message: 'GET is not served here: use POST' } });
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('503 with Retry-After when the log holds as many live runs as it may; an ended run makes room', async () => {
    const stack = await stackOf({
      relay: { log: createMemoryEventLog({ maxRuns: 1 }) },
      mock: { timing: { ttftMs: 0, tokenDelayMs: 20, jitterMs: 0 } },
    });
    const first = await stack.start();
    const full = await settle(await stack.start());
    expect(full).toMatchObject({ status: 503, error: { kind: 'http', retryable: true } });
    expect(full.headers.get('retry-after')).toBe('5');
    const run = announced(await readEvents(first), stack.server.url);
    expect((await stack.start()).status).toBe(200);
    // The ended run was dropped to make room: a resume of it is told so.
    expect((await settle(await resume(run))).status).toBe(410);
  });
});

describe('upstream failures before the stream starts', () => {
  it('429: the status, the provider body and Retry-After pass on', async () => {
    const stack = await stackOf({ mock: { fault: '429;retry-after=7' } });
    const limited = await settle(await stack.start());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(JSON.parse(limited.text)).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
    expect((await stack.start()).status).toBe(200);
  });

  it('429 from Gemini: its RetryInfo body passes on (Gemini sends no Retry-After)', async () => {
    const stack = await stackOf({ provider: 'gemini', mock: { fault: '429;retry-after=3' } });
    const limited = await settle(await stack.start());
    expect(limited.status).toBe(429);
    expect(limited.text).toContain('"retryDelay":"3s"');
  });

  it('401: a 502 that blames the server key without echoing it, whatever the provider said', async () => {
    const upstream = await upstreamOf((request) =>
      Response.json(
        { error: { message: `Incorrect API key provided: ${request.headers.get('authorization')}` } },
        { status: 401 },
      ),
    );
    const relay = createRelay({
      provider: 'openai-chat',
      upstream: upstream.url,
      apiKey: TEST_KEY,
      authorize: byHeader,
    });
    const server = await serveRelay(relay, { port: 0 });
    cleanups.push(() => server.close());
    const refused = await settle(
      await fetch(`${server.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'x-user': 'alice' },
        body: '{"model":"gpt-5.2","stream":true,"messages":[]}',
      }),
    );
    expect(refused).toMatchObject({
      status: 502,
      error: {
        kind: 'http',
        message: "The provider refused the relay's API key (upstream HTTP 401); the server's key needs fixing",
      },
    });
    expect(upstream.requests[0]?.headers.get('authorization')).toBe(`Bearer ${TEST_KEY}`);
  });

  it('other upstream errors pass on with the key redacted from the body', async () => {
    const upstream = await upstreamOf((request) =>
      Response.json({ error: { message: `bad request for key ${request.headers.get('x-api-key')}` } }, { status: 400 }),
    );
    const relay = createRelay({ provider: 'anthropic', upstream: upstream.url, apiKey: TEST_KEY, authorize: byHeader });
    const server = await serveRelay(relay, { port: 0 });
    cleanups.push(() => server.close());
    const bad = await settle(
      await fetch(`${server.url}/v1/messages`, {
        method: 'POST',
        headers: { 'x-user': 'alice' },
        body: '{"model":"m","stream":true,"messages":[]}',
      }),
    );
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toEqual({ error: { message: 'bad request for key [redacted]' } });
  });

  it('an unreachable upstream: 502 network, retryable', async () => {
    const stack = await stackOf({ relay: { upstream: 'http://127.0.0.1:9' } });
    const failed = await settle(await stack.start());
    expect(failed).toMatchObject({ status: 502, error: { kind: 'network', retryable: true } });
    expect(failed.error.message).toMatch(/^The provider could not be reached: /);
  });

  it('an upstream 200 that is not an event stream: 502 content-type', async () => {
    const upstream = await upstreamOf(
      () => new Response('<html>portal</html>', { headers: { 'content-type': 'text/html' } }),
    );
    const stack = await stackOf({ relay: { upstream: upstream.url } });
    expect(await settle(await stack.start())).toMatchObject({
      status: 502,
      error: { kind: 'content-type', message: 'The provider answered text/html instead of an event stream' },
    });
  });
});

describe('runs are bound to their principal, and expire', () => {
  it("another principal's resume and stop get the same 404 as an unknown run, and the run goes on", async () => {
    const stack = await stackOf({ mock: { timing: { ttftMs: 0, tokenDelayMs: 5, jitterMs: 0 } } });
    const first = await readEvents(await stack.start({ user: 'alice' }), 2);
    const run = announced(first, stack.server.url);
    const foreignResume = await settle(await resume(run, undefined, 'mallory'));
    const foreignStop = await settle(await stop(run, 'mallory'));
    const unknown = await settle(
      await resume({ ...run, resume: run.resume.replace(run.runId, 'run_AAAAAAAAAAAAAAAAAAAAAA') }),
    );
    expect(foreignResume).toMatchObject({
      status: 404,
      error: { kind: 'interrupted', message: `No run ${run.runId} here (unknown, or not yours)` },
    });
    expect(foreignStop.status).toBe(404);
    expect(unknown).toMatchObject({
      status: 404,
      error: { message: 'No run run_AAAAAAAAAAAAAAAAAAAAAA here (unknown, or not yours)' },
    });
    expect((await readEvents(await resume(run, idAt(first, 1)))).at(-1)?.data).toBe('{"status":"done"}');
  });

  it('an expired run is 410 for its owner (and still 404 for anyone else)', async () => {
    const stack = await stackOf({ relay: { log: createMemoryEventLog({ endedTtlMs: 30 }) } });
    const run = announced(await readEvents(await stack.start()), stack.server.url);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await settle(await resume(run))).toMatchObject({
      status: 410,
      error: { kind: 'interrupted', message: `Run ${run.runId} has ended and expired` },
    });
    expect((await settle(await stop(run))).status).toBe(410);
    expect((await settle(await resume(run, undefined, 'mallory'))).status).toBe(404);
  });

  it('a Last-Event-ID that names no event of the run is 400; one whose events were trimmed is 410', async () => {
    // Tokens 2 ms apart: a follower reading along keeps up; one resuming from the start is too late.
    const stack = await stackOf({
      mock: { timing: { ttftMs: 0, tokenDelayMs: 2, jitterMs: 0 } },
      relay: { log: createMemoryEventLog({ maxRunChars: 2_000 }) },
    });
    const events = await readEvents(await stack.start({ userText: 'a long question '.repeat(20) }));
    const run = announced(events, stack.server.url);
    expect(await settle(await resume(run, '99999'))).toMatchObject({
      status: 400,
      error: { message: `Last-Event-ID "99999" names no event of run ${run.runId}` },
    });
    expect(await settle(await resume(run, 'abc'))).toMatchObject({ status: 400 });
    expect(await settle(await resume(run, idAt(events, 1)))).toMatchObject({
      status: 410,
      error: { message: `The events of run ${run.runId} after ${idAt(events, 1)} are no longer kept` },
    });
    const tail = await readEvents(await resume(run, idAt(events, -3)));
    expect(tail.slice(1).map((e) => e.id)).toEqual(events.slice(-2).map((e) => e.id));
  });
});

describe('failures no response can carry', () => {
  it('a log that cannot be followed after the upstream started: 500, and the generation is stopped (a retried POST must not run beside it)', async () => {
    const memory = createMemoryEventLog();
    const broken: EventLog = {
      ...memory,
      start: memory.start,
      follow: async () => Promise.reject(new Error('log unreachable')),
    };
    const stack = await stackOf({
      mock: { timing: { ttftMs: 0, tokenDelayMs: 20, jitterMs: 0 } },
      relay: { log: broken },
    });
    const failed = await settle(await stack.start());
    expect(failed).toMatchObject({
      status: 500,
      error: { kind: 'http', message: 'The relay failed: log unreachable', retryable: true },
    });
    await vi.waitFor(() => expect(stack.mock.stats()).toMatchObject({ started: 1, cancelled: 1 }));
  });

  it('an upstream line over the SSE decoder cap (16 Mi): the run ends error too-large after the events before it', async () => {
    const encoder = new TextEncoder();
    const upstream = await upstreamOf(() => {
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 0)
            controller.enqueue(encoder.encode('event: message_start\ndata: {"type":"message_start"}\n\ndata: '));
          else if (sent <= 17) controller.enqueue(encoder.encode('x'.repeat(2 ** 20)));
          else controller.close();
          sent += 1;
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    });
    const stack = await stackOf({ relay: { upstream: upstream.url } });
    const events = await readEvents(await stack.start());
    expect(providerEvents(events).map((e) => e.event)).toEqual(['message_start']);
    expect(endOf(events)).toMatchObject({ status: 'error', error: { kind: 'too-large', retryable: false } });
  });

  it('an event log that fails mid-run: the upstream is stopped, the run ends error, onError is told', async () => {
    const memory = createMemoryEventLog();
    let appends = 0;
    const failing: EventLog = {
      ...memory,
      start: memory.start,
      open: async (runId, principal) => {
        const writer = await memory.open(runId, principal);
        if ('refused' in writer) return writer;
        return {
          signal: writer.signal,
          end: (end) => writer.end(end),
          append: async (events) => {
            // The opening burst (message_start, content_block_start, ping) is one read; the first token's is the next.
            if (++appends > 1) throw new Error('disk on fire');
            await writer.append(events);
          },
        };
      },
    };
    const reported: string[] = [];
    const stack = await stackOf({
      mock: { timing: { ttftMs: 30, tokenDelayMs: 10, jitterMs: 0 } },
      relay: { log: failing, onError: (error, runId) => reported.push(`${runId}: ${error.kind}: ${error.message}`) },
    });
    const events = await readEvents(await stack.start());
    const run = announced(events, stack.server.url);
    expect(providerEvents(events)).toHaveLength(3);
    expect(endOf(events)).toEqual({
      status: 'error',
      error: { kind: 'network', message: 'The event log failed: disk on fire', retryable: true },
    });
    expect(reported).toEqual([`${run.runId}: network: The event log failed: disk on fire`]);
  });
});
