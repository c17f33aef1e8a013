import type { ProviderName } from '@rill/core';

const anthropicTypes: Record<number, string> = {
  400: 'invalid_request_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
  500: 'api_error',
  503: 'overloaded_error',
};
const openAITypes: Record<number, { type: string; code: string | null }> = {
  400: { type: 'invalid_request_error', code: null },
  404: { type: 'invalid_request_error', code: 'unknown_url' },
  429: { type: 'requests', code: 'rate_limit_exceeded' },
  500: { type: 'server_error', code: null },
  503: { type: 'server_error', code: 'service_unavailable' },
};
const geminiStatuses: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/**
 * The JSON error body each provider sends for an HTTP status, e.g. Anthropic's
 * `{type:'error', error:{type:'invalid_request_error', message}}` for a 400.
 *
 * @example errorBody('gemini', 400, 'contents is required'); // { error: { code: 400, message: '…', status: 'INVALID_ARGUMENT' } }
 */
export function errorBody(provider: ProviderName, status: number, message: string): object {
  switch (provider) {
    case 'anthropic':
      return { type: 'error', error: { type: anthropicTypes[status] ?? 'api_error', message } };
    case 'openai-chat':
    case 'openai-responses': {
      const { type, code } = openAITypes[status] ?? { type: 'server_error', code: null };
      return { error: { message, type, param: null, code } };
    }
    case 'gemini':
      return { error: { code: status, message, status: geminiStatuses[status] ?? 'UNKNOWN' } };
  }
}

/**
 * A provider-shaped JSON error response.
 *
 * @example errorResponse('anthropic', 429, 'Slow down.', { 'retry-after': '2' });
 */
export function errorResponse(
  provider: ProviderName,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(errorBody(provider, status, message)), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/**
 * A provider's 429 asking for a wait: Anthropic and OpenAI put it in a `Retry-After` header;
 * Gemini sends no header and puts it in a `google.rpc.RetryInfo` entry of `error.details`.
 *
 * @example rateLimitResponse('gemini', 2, 'Slow down.'); // body error.details: [{ '@type': '…RetryInfo', retryDelay: '2s' }]
 */
export function rateLimitResponse(
  provider: ProviderName,
  retryAfterSeconds: number,
  message: string,
  headers: Record<string, string> = {},
): Response {
  if (provider !== 'gemini')
    return errorResponse(provider, 429, message, { ...headers, 'retry-after': String(retryAfterSeconds) });
  const retryInfo = { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${retryAfterSeconds}s` };
  const body = { error: { code: 429, message, status: geminiStatuses[429], details: [retryInfo] } };
  return new Response(JSON.stringify(body), {
    status: 429,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/**
 * What a misconfigured proxy or captive portal answers instead of the stream.
 *
 * @example htmlResponse(502).headers.get('content-type'); // 'text/html; charset=utf-8'
 */
export function htmlResponse(status: 200 | 502): Response {
  const title = status === 502 ? '502 Bad Gateway' : 'Sign in to the network';
  const body = `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1><hr><center>nginx</center></body></html>\n`;
  return new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}
