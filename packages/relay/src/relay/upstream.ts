import { providerRequestPath, type ProviderName } from '@rill/core';
import { errorResponse } from './relay-errors.js';

/** Each provider's API, the default upstream. */
export const DEFAULT_UPSTREAMS: Record<ProviderName, string> = {
  anthropic: 'https://api.anthropic.com',
  'openai-chat': 'https://api.openai.com',
  'openai-responses': 'https://api.openai.com',
  gemini: 'https://generativelanguage.googleapis.com',
};

/** The environment variable each provider's key is read from. */
export const KEY_VARIABLES: Record<ProviderName, string> = {
  anthropic: 'ANTHROPIC_API_KEY',
  'openai-chat': 'OPENAI_API_KEY',
  'openai-responses': 'OPENAI_API_KEY',
  gemini: 'GEMINI_API_KEY',
};

const ANTHROPIC_VERSION = '2023-06-01';

/** What an upstream request is made from. */
export interface UpstreamCall {
  provider: ProviderName;
  /** Base URL, without the provider's path. */
  base: string;
  key: string;
  model: string;
  body: string;
  /** Request headers of the client that are passed on by name. */
  forwarded: Headers;
}

/**
 * The provider request for a relayed body: the provider's streaming path under the configured
 * base, the key in the provider's own header, and no header of the client but the forwarded ones.
 *
 * @example await fetch(...upstreamRequest({ provider: 'openai-chat', base, key, model, body, forwarded }), { signal });
 */
export function upstreamRequest(call: UpstreamCall): [string, RequestInit] {
  const { provider, base, key, model, body, forwarded } = call;
  const headers = new Headers(forwarded);
  headers.set('content-type', 'application/json');
  headers.set('accept', 'text/event-stream');
  if (provider === 'anthropic') {
    headers.set('x-api-key', key);
    if (!headers.has('anthropic-version')) headers.set('anthropic-version', ANTHROPIC_VERSION);
  } else if (provider === 'gemini') {
    headers.set('x-goog-api-key', key);
  } else {
    headers.set('authorization', `Bearer ${key}`);
  }
  return [`${base.replace(/\/+$/, '')}${providerRequestPath(provider, model)}`, { method: 'POST', headers, body }];
}

/**
 * `text` with every occurrence of the key replaced, for anything that came from upstream.
 *
 * @example redact('Incorrect API key provided: sk-123', 'sk-123'); // 'Incorrect API key provided: [redacted]'
 */
export function redact(text: string, key: string): string {
  return key === '' ? text : text.split(key).join('[redacted]');
}

/**
 * The response to give the client for an upstream answer that cannot be relayed as a run;
 * `undefined` for a 2xx event stream. A refused key (401/403) is the server's problem, said
 * without the provider's words (which may quote the key); other statuses pass on with the
 * provider's body (the key redacted) and, for 429, its `Retry-After`.
 *
 * @example const failed = await upstreamFailure(response, key); if (failed) return failed;
 */
export async function upstreamFailure(response: Response, key: string): Promise<Response | undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (response.ok && /^text\/event-stream\b/i.test(type)) return undefined;
  if (response.status === 401 || response.status === 403) {
    await response.body?.cancel().catch(() => undefined);
    return errorResponse(
      502,
      'http',
      `The provider refused the relay's API key (upstream HTTP ${response.status}); the server's key needs fixing`,
    );
  }
  if (response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return errorResponse(
      502,
      'content-type',
      `The provider answered ${type || 'no content-type'} instead of an event stream`,
    );
  }
  const headers: Record<string, string> = { 'content-type': type || 'text/plain', 'cache-control': 'no-store' };
  const retryAfter = response.headers.get('retry-after');
  if (retryAfter !== null) headers['retry-after'] = retryAfter;
  return new Response(redact(await response.text().catch(() => ''), key), { status: response.status, headers });
}
