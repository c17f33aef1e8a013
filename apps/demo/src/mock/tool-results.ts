import type { ProviderName } from '@rill/core';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

// Gemini wraps a result as `{ output }` or `{ error }`; the other providers send the text itself.
const geminiResult = (response: unknown): string =>
  asText(isObject(response) ? (response['output'] ?? response['error'] ?? response) : response);

/** Consecutive items at the end of `items` that `pick` turns into a result text. */
function trailing(items: unknown[], pick: (item: Json) => string[] | undefined): string[] {
  const results: string[] = [];
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    const found = isObject(item) ? pick(item) : undefined;
    if (found === undefined || found.length === 0) break;
    results.unshift(...found);
  }
  return results;
}

/**
 * The tool results a provider request ends with (empty when its last turn is the user's words),
 * read in each provider's own request format, so the mock model can answer them.
 *
 * @example trailingToolResults('openai-chat', { messages: [{ role: 'tool', tool_call_id: 'c1', content: '42' }] }); // ['42']
 */
export function trailingToolResults(provider: ProviderName, body: Json): string[] {
  switch (provider) {
    case 'anthropic':
      return trailing(list(body['messages']).slice(-1), (m) =>
        m['role'] === 'user'
          ? list(m['content'])
              .filter(isObject)
              .flatMap((b) => (b['type'] === 'tool_result' ? [asText(b['content'])] : []))
          : undefined,
      );
    case 'openai-chat':
      return trailing(list(body['messages']), (m) => (m['role'] === 'tool' ? [asText(m['content'])] : undefined));
    case 'openai-responses':
      return trailing(list(body['input']), (m) =>
        m['type'] === 'function_call_output' ? [asText(m['output'])] : undefined,
      );
    case 'gemini':
      return trailing(list(body['contents']).slice(-1), (c) =>
        list(c['parts'])
          .filter(isObject)
          .flatMap((p) => (isObject(p['functionResponse']) ? [geminiResult(p['functionResponse']['response'])] : [])),
      );
  }
}
