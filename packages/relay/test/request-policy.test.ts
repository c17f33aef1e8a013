import { afterEach, describe, expect, it } from 'vitest';
import type { ProviderName, RequestBody } from '@rill/core';
import { createRelay, requestPolicy, type RequestPolicyOptions } from '../src/index.js';
import { serveRelay } from '../src/node/index.js';
import { plainUpstream, tinyStream } from './support/plain-upstream.js';
import { byHeader, providerCall, TEST_KEY } from './support/relay-stack.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function applied(
  provider: ProviderName,
  options: RequestPolicyOptions,
  body: RequestBody,
  model = 'm',
): Promise<RequestBody> {
  const decision = await requestPolicy(options)({
    provider,
    principal: 'p',
    model,
    body,
    request: new Request('http://relay.test/'),
  });
  if ('refuse' in decision) throw new Error(decision.refuse.message);
  return decision.body;
}

const tool = {
  name: 'lookup',
  description: 'Looks up',
  inputSchema: { type: 'object', properties: { q: { type: 'string' } } },
};

describe('requestPolicy: output tokens are capped in each provider’s own field', () => {
  it.each([
    ['anthropic', { max_tokens: 9000 }, { max_tokens: 100 }],
    ['anthropic', { max_tokens: 50 }, { max_tokens: 50 }],
    ['openai-chat', {}, { max_completion_tokens: 100 }],
    ['openai-chat', { max_tokens: 5000 }, { max_tokens: 100 }],
    ['openai-chat', { max_completion_tokens: 20, max_tokens: 500 }, { max_completion_tokens: 20, max_tokens: 100 }],
    ['openai-responses', { max_output_tokens: 999 }, { max_output_tokens: 100 }],
    [
      'gemini',
      { generationConfig: { temperature: 0.2, maxOutputTokens: 4096 } },
      { generationConfig: { temperature: 0.2, maxOutputTokens: 100 } },
    ],
    ['gemini', {}, { generationConfig: { maxOutputTokens: 100 } }],
  ] as const)('%s %j -> %j', async (provider, body, expected) => {
    expect(await applied(provider, { maxOutputTokens: 100 }, body)).toEqual(expected);
  });
});

describe('requestPolicy: the app’s system prompt goes before the client’s', () => {
  it.each([
    ['anthropic', {}, { system: 'Be brief.' }],
    ['anthropic', { system: 'Client says hi.' }, { system: 'Be brief.\n\nClient says hi.' }],
    [
      'anthropic',
      { system: [{ type: 'text', text: 'c' }] },
      {
        system: [
          { type: 'text', text: 'Be brief.' },
          { type: 'text', text: 'c' },
        ],
      },
    ],
    [
      'openai-chat',
      { messages: [{ role: 'user', content: 'q' }] },
      {
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'q' },
        ],
      },
    ],
    ['openai-responses', { instructions: 'c' }, { instructions: 'Be brief.\n\nc' }],
    [
      'gemini',
      { systemInstruction: { parts: [{ text: 'c' }] } },
      { systemInstruction: { parts: [{ text: 'Be brief.' }, { text: 'c' }] } },
    ],
  ] as const)('%s %j', async (provider, body, expected) => {
    expect(await applied(provider, { system: 'Be brief.' }, body)).toEqual(expected);
  });
});

describe('requestPolicy: the app’s tools are added, replacing a client tool of the same name', () => {
  it('anthropic', async () => {
    const body = {
      tools: [
        { name: 'lookup', input_schema: {} },
        { name: 'mine', input_schema: {} },
      ],
    };
    expect(await applied('anthropic', { tools: [tool] }, body)).toEqual({
      tools: [
        { name: 'mine', input_schema: {} },
        { name: 'lookup', description: 'Looks up', input_schema: tool.inputSchema },
      ],
    });
  });
  it('openai-chat', async () => {
    const body = { tools: [{ type: 'function', function: { name: 'lookup', parameters: {} } }] };
    expect(await applied('openai-chat', { tools: [tool] }, body)).toEqual({
      tools: [
        { type: 'function', function: { name: 'lookup', description: 'Looks up', parameters: tool.inputSchema } },
      ],
    });
  });
  it('openai-responses', async () => {
    const body = { tools: [{ type: 'web_search' }] };
    expect(await applied('openai-responses', { tools: [tool] }, body)).toEqual({
      tools: [
        { type: 'web_search' },
        { type: 'function', name: 'lookup', description: 'Looks up', parameters: tool.inputSchema },
      ],
    });
  });
  it('gemini', async () => {
    const body = { tools: [{ functionDeclarations: [{ name: 'lookup' }, { name: 'mine' }] }, { googleSearch: {} }] };
    expect(await applied('gemini', { tools: [tool] }, body)).toEqual({
      tools: [
        { functionDeclarations: [{ name: 'mine' }] },
        { googleSearch: {} },
        { functionDeclarations: [{ name: 'lookup', description: 'Looks up', parametersJsonSchema: tool.inputSchema }] },
      ],
    });
  });
});

describe('what reaches the provider', () => {
  async function relayTo(provider: ProviderName, options: Partial<Parameters<typeof createRelay>[0]> = {}) {
    const upstream = await plainUpstream(tinyStream);
    const server = await serveRelay(
      createRelay({ provider, upstream: `${upstream.url}/base/`, apiKey: TEST_KEY, authorize: byHeader, ...options }),
      { port: 0 },
    );
    closers.push(
      () => server.close(),
      () => upstream.close(),
    );
    return { upstream, server };
  }

  it.each([
    ['anthropic', '/base/v1/messages', 'x-api-key', TEST_KEY],
    ['openai-chat', '/base/v1/chat/completions', 'authorization', `Bearer ${TEST_KEY}`],
    ['openai-responses', '/base/v1/responses', 'authorization', `Bearer ${TEST_KEY}`],
    ['gemini', '/base/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse', 'x-goog-api-key', TEST_KEY],
  ] as const)(
    '%s: the body unchanged at the provider’s path under the configured base, the key in its header, no client credentials',
    async (provider, path, header, value) => {
      const { upstream, server } = await relayTo(provider);
      const call = providerCall(provider);
      await (
        await fetch(`${server.url}${call.path}`, {
          method: 'POST',
          body: call.body,
          headers: {
            'x-user': 'a',
            authorization: 'Bearer client-token',
            cookie: 'session=1',
            'x-goog-api-key': 'client',
          },
        })
      ).text();
      const [seen] = upstream.requests;
      if (seen === undefined) throw new Error('nothing reached the upstream');
      expect(seen.url.slice(upstream.url.length)).toBe(path);
      expect(seen.body).toBe(call.body);
      expect(seen.headers.get(header)).toBe(value);
      expect(seen.headers.get('cookie')).toBeNull();
      expect([...seen.headers.values()]).not.toContain('Bearer client-token');
      expect([...seen.headers.values()]).not.toContain('client');
    },
  );

  it('without a policy the body reaches the provider byte for byte (spacing, key order, a 20-digit integer)', async () => {
    const { upstream, server } = await relayTo('anthropic');
    const body =
      '{ "model" : "claude-sonnet-4-6",\n  "stream": true, "max_tokens": 1.0e3, "metadata": {"user_id": 12345678901234567890}, "messages": [] }';
    await (await fetch(`${server.url}/v1/messages`, { method: 'POST', body, headers: { 'x-user': 'a' } })).text();
    expect(upstream.requests[0]?.body).toBe(body);
  });

  it('anthropic-version defaults, anthropic-beta and the configured forwardHeaders pass; Last-Event-ID never does', async () => {
    const { upstream, server } = await relayTo('anthropic', { forwardHeaders: ['X-Rill-Mock-Scenario'] });
    const call = providerCall('anthropic');
    const headers = {
      'x-user': 'a',
      'anthropic-beta': 'b1',
      'x-rill-mock-scenario': 'text',
      'x-other': 'no',
      'last-event-id': '3',
    };
    await (await fetch(`${server.url}${call.path}`, { method: 'POST', body: call.body, headers })).text();
    const seen = upstream.requests[0]?.headers ?? new Headers();
    expect(seen.get('anthropic-version')).toBe('2023-06-01');
    expect(seen.get('anthropic-beta')).toBe('b1');
    expect(seen.get('x-rill-mock-scenario')).toBe('text');
    expect(seen.get('x-other')).toBeNull();
    expect(seen.get('last-event-id')).toBeNull();
  });

  it('a policy rewrites the body that goes upstream and sees the principal', async () => {
    const principals: string[] = [];
    const { upstream, server } = await relayTo('openai-chat', {
      policy: (input) => {
        principals.push(input.principal);
        return requestPolicy({ maxOutputTokens: 64, system: 'You are the app.' })(input);
      },
    });
    const call = providerCall('openai-chat', 'hi');
    await (
      await fetch(`${server.url}${call.path}`, { method: 'POST', body: call.body, headers: { 'x-user': 'carol' } })
    ).text();
    expect(principals).toEqual(['carol']);
    expect(JSON.parse(upstream.requests[0]?.body ?? 'null')).toMatchObject({
      max_completion_tokens: 64,
      messages: [
        { role: 'system', content: 'You are the app.' },
        { role: 'user', content: 'hi' },
      ],
    });
  });

  it('a policy can refuse with its own status and message', async () => {
    const { server } = await relayTo('anthropic', {
      policy: () => ({ refuse: { status: 429, message: 'Daily budget spent' } }),
    });
    const call = providerCall('anthropic');
    const response = await fetch(`${server.url}${call.path}`, {
      method: 'POST',
      body: call.body,
      headers: { 'x-user': 'a' },
    });
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({
      error: { kind: 'invalid-request', message: 'Daily budget spent', status: 429, retryable: true },
    });
  });
});
