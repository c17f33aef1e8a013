import { readSSE, type ProviderName, type SSEEvent } from '@rill/core';
import { startMockServer, type MockServer, type MockServerOptions } from '@rill/mock/node';
import { createRelay, type Relay, type RelayOptions } from '../../src/index.js';
import { serveRelay, type RelayServer } from '../../src/node/index.js';

/** The key the relay holds in tests; no response may ever contain it. */
export const TEST_KEY = 'sk-test-5ecret-key-0123456789';

export const models: Record<ProviderName, string> = {
  anthropic: 'claude-sonnet-4-6',
  'openai-chat': 'gpt-5.2',
  'openai-responses': 'gpt-5.2',
  gemini: 'gemini-2.5-flash',
};

/** A streaming request body as the provider's SDK sends it, and its path. */
export function providerCall(provider: ProviderName, userText = 'Hello there, relay'): { path: string; body: string } {
  const model = models[provider];
  switch (provider) {
    case 'anthropic':
      return {
        path: '/v1/messages',
        body: JSON.stringify({
          model,
          max_tokens: 1024,
          stream: true,
          messages: [{ role: 'user', content: userText }],
        }),
      };
    case 'openai-chat':
      return {
        path: '/v1/chat/completions',
        body: JSON.stringify({
          model,
          stream: true,
          stream_options: { include_usage: true },
          messages: [{ role: 'user', content: userText }],
        }),
      };
    case 'openai-responses':
      return { path: '/v1/responses', body: JSON.stringify({ model, stream: true, input: userText }) };
    case 'gemini':
      return {
        path: `/v1beta/models/${model}:streamGenerateContent?alt=sse`,
        body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: userText }] }] }),
      };
  }
}

/** The mock upstream (no event ids, like the real APIs) with a relay in front of it, on loopback. */
export interface RelayStack {
  mock: MockServer;
  relay: Relay;
  server: RelayServer;
  provider: ProviderName;
  /** POSTs the provider call to the relay as `user`. */
  start(options?: {
    user?: string;
    userText?: string;
    headers?: Record<string, string>;
    body?: string;
  }): Promise<Response>;
  close(): Promise<void>;
}

export interface StackOptions {
  provider?: ProviderName;
  mock?: MockServerOptions;
  relay?: Partial<RelayOptions>;
}

/** Principals come from the `x-user` header in these tests. */
export const byHeader = (request: Request): string | undefined => request.headers.get('x-user') ?? undefined;

/**
 * Starts the mock upstream and a relay in front of it.
 *
 * @example const stack = await startStack({ mock: { timing: { ttftMs: 0, tokenDelayMs: 5 } } });
 */
export async function startStack(options: StackOptions = {}): Promise<RelayStack> {
  const provider = options.provider ?? 'anthropic';
  const mock = await startMockServer({
    port: 0,
    eventIds: false,
    timing: { ttftMs: 0, tokenDelayMs: 0, jitterMs: 0 },
    ...options.mock,
  });
  const relay = createRelay({ provider, upstream: mock.url, apiKey: TEST_KEY, authorize: byHeader, ...options.relay });
  const server = await serveRelay(relay, { port: 0 });
  return {
    mock,
    relay,
    server,
    provider,
    start: ({ user = 'alice', userText, headers = {}, body } = {}) => {
      const call = providerCall(provider, userText);
      return fetch(`${server.url}${call.path}`, {
        method: 'POST',
        body: body ?? call.body,
        headers: { 'content-type': 'application/json', 'x-user': user, ...headers },
      });
    },
    close: async () => {
      await server.close();
      await mock.close();
    },
  };
}

/** A run's announcement, its URLs made absolute. */
export interface Announced {
  runId: string;
  resume: string;
  stop: string;
}

/**
 * The events of a response, `limit` at most (then the connection is dropped, as a client that goes away).
 *
 * @example const events = await readEvents(response, 5);
 */
export async function readEvents(response: Response, limit = Number.POSITIVE_INFINITY): Promise<SSEEvent[]> {
  const events: SSEEvent[] = [];
  if (limit <= 0) {
    await response.body?.cancel();
    return events;
  }
  for await (const event of readSSE(response)) {
    events.push(event);
    if (events.length >= limit) break;
  }
  return events;
}

/** The run a response's first event announces, its URLs resolved against `base`. */
export function announced(events: readonly SSEEvent[], base: string): Announced {
  const first = events[0];
  if (first?.event !== 'rill-run') throw new Error(`the first event is ${first?.event ?? 'missing'}, not rill-run`);
  const { runId, resume, stop } = JSON.parse(first.data) as Announced;
  return { runId, resume: new URL(resume, base).href, stop: new URL(stop, base).href };
}

/** GETs a run's resume URL as `user`, after `lastEventId` when given. */
export function resume(run: Announced, lastEventId?: string, user = 'alice'): Promise<Response> {
  return fetch(run.resume, {
    headers: { 'x-user': user, ...(lastEventId !== undefined && { 'last-event-id': lastEventId }) },
  });
}

/** POSTs a run's stop URL as `user`. */
export function stop(run: Announced, user = 'alice'): Promise<Response> {
  return fetch(run.stop, { method: 'POST', headers: { 'x-user': user } });
}

/** The provider's own events among a relay's (its rill-run and rill-end left out). */
export const providerEvents = (events: readonly SSEEvent[]): SSEEvent[] =>
  events.filter((e) => e.event !== 'rill-run' && e.event !== 'rill-end');

/** The events the mock sends for the same call, read directly. */
export async function directEvents(stack: RelayStack, userText?: string): Promise<SSEEvent[]> {
  const call = providerCall(stack.provider, userText);
  return readEvents(
    await fetch(`${stack.mock.url}${call.path}`, {
      method: 'POST',
      body: call.body,
      headers: { 'content-type': 'application/json' },
    }),
  );
}

/** The data of a response's last event (its `rill-end`), parsed. */
export const endOf = (events: readonly SSEEvent[]): unknown => JSON.parse(events.at(-1)?.data ?? 'null');

/** The id of the event at `index` (negative counts from the end); fails the test when there is none. */
export function idAt(events: readonly SSEEvent[], index: number): string {
  const event = events.at(index);
  if (event === undefined) throw new Error(`no event at ${index} of ${events.length}`);
  return event.id;
}

/** The reader of a response's body; fails the test when it has none. */
export function bodyReader(response: Response): ReadableStreamDefaultReader<Uint8Array> {
  if (response.body === null) throw new Error(`HTTP ${response.status} without a body`);
  return response.body.getReader();
}
