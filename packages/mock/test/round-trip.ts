import {
  accumulate,
  createSSEDecoder,
  decodeProvider,
  readSSE,
  streamSSE,
  type Message,
  type ProviderName,
  type SSEEvent,
  type StreamSSEOptions,
} from '@rill/core';
import type { MockTiming } from '../src/index.js';

/** Every provider the mock speaks. */
export const providers: ProviderName[] = ['anthropic', 'openai-chat', 'openai-responses', 'gemini'];

/** No waiting: tests run on real timers with zero delays. */
export const instant: MockTiming = { ttftMs: 0, tokenDelayMs: 0, jitterMs: 0 };

export const requestModels: Record<ProviderName, string> = {
  anthropic: 'claude-sonnet-4-6',
  'openai-chat': 'gpt-5.2',
  'openai-responses': 'gpt-5.2',
  gemini: 'gemini-2.5-flash',
};

/**
 * A valid streaming request for the provider, as its SDK would send it.
 *
 * @example const { url, body } = providerRequest('anthropic', server.url); await fetch(url, { method: 'POST', body });
 */
export function providerRequest(
  provider: ProviderName,
  baseUrl: string,
  userText = 'Hello',
): { url: string; body: string } {
  const model = requestModels[provider];
  switch (provider) {
    case 'anthropic':
      return {
        url: `${baseUrl}/v1/messages`,
        body: JSON.stringify({
          model,
          max_tokens: 1024,
          stream: true,
          messages: [{ role: 'user', content: userText }],
        }),
      };
    case 'openai-chat':
      return {
        url: `${baseUrl}/v1/chat/completions`,
        body: JSON.stringify({
          model,
          stream: true,
          stream_options: { include_usage: true },
          messages: [{ role: 'user', content: userText }],
        }),
      };
    case 'openai-responses':
      return { url: `${baseUrl}/v1/responses`, body: JSON.stringify({ model, stream: true, input: userText }) };
    case 'gemini':
      return {
        url: `${baseUrl}/v1beta/models/${model}:streamGenerateContent?alt=sse`,
        body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: userText }] }] }),
      };
  }
}

/**
 * Reads a response the way an app does without the transport: readSSE → decodeProvider → accumulate.
 *
 * @example expect(await decodeResponse('gemini', response)).toMatchObject({ status: 'done' });
 */
export function decodeResponse(provider: ProviderName, response: Response): Promise<Message> {
  return accumulate(decodeProvider(provider, readSSE(response)));
}

/**
 * Streams with the resilient transport (retries, Last-Event-ID resume), fast backoff. The mock
 * resumes statelessly from the same POST plus `Last-Event-ID`, so that is the resume target named.
 *
 * @example await decodeStream('openai-chat', server.url, { 'x-rill-mock-fault': 'drop-after=5' }); // the message after the transport's resume
 */
export function decodeStream(
  provider: ProviderName,
  baseUrl: string,
  headers: Record<string, string> = {},
  opts: StreamSSEOptions = {},
): Promise<Message> {
  const { url, body } = providerRequest(provider, baseUrl);
  return accumulate(
    decodeProvider(
      provider,
      streamSSE(url, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', ...headers },
        retry: { baseDelayMs: 1, maxDelayMs: 5 },
        resume: { url, method: 'POST' },
        ...opts,
      }),
    ),
  );
}

/**
 * Splits bytes at random places (seeded), down to single bytes, so lines and characters straddle chunks.
 *
 * @example randomChunks(bytes, seededRandom(11)); // the same cuts for the same seed
 */
export function randomChunks(bytes: Uint8Array, random: () => number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length;) {
    const size = 1 + Math.floor(random() * (random() < 0.3 ? 4 : 64));
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

async function* events(list: SSEEvent[]): AsyncIterable<SSEEvent> {
  yield* list;
}

/**
 * Decodes byte chunks with createSSEDecoder (no stream in between).
 *
 * @example await decodeChunks('anthropic', randomChunks(bytes, seededRandom(3)));
 */
export function decodeChunks(provider: ProviderName, chunks: Iterable<Uint8Array | string>): Promise<Message> {
  const list: SSEEvent[] = [];
  const decoder = createSSEDecoder({ onEvent: (e) => list.push(e) });
  for (const chunk of chunks) decoder.push(chunk);
  decoder.end();
  return accumulate(decodeProvider(provider, events(list)));
}
