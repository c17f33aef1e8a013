import type { ProviderName } from '@rill/core';

/** What the mock needs from a provider request body. */
export interface RequestSummary {
  /** The parsed body as sent. */
  body: Record<string, unknown>;
  /** The model the body names (Gemini names it in the path instead). */
  model?: string;
  /** The text of the last user turn, for scenarios that answer it. */
  lastUserText?: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Text of a message `content` that is a string or a list of `{ text }` blocks (any provider's spelling). */
function contentText(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  const texts = content.filter(isObject).flatMap((block) => (typeof block['text'] === 'string' ? [block['text']] : []));
  return texts.length > 0 ? texts.join('') : undefined;
}

function lastUser(turns: unknown[], role: string, contentKey: string): string | undefined {
  for (let i = turns.length - 1; i >= 0; i--) {
    const turn = turns[i];
    if (isObject(turn) && turn['role'] === role) return contentText(turn[contentKey]);
  }
  return undefined;
}

function check(body: Json, provider: ProviderName): string | undefined {
  const needsModel = provider !== 'gemini' && typeof body['model'] !== 'string' ? 'model: Field required' : undefined;
  switch (provider) {
    case 'anthropic':
      if (needsModel) return needsModel;
      if (typeof body['max_tokens'] !== 'number') return 'max_tokens: Field required';
      return Array.isArray(body['messages']) && body['messages'].length > 0
        ? undefined
        : 'messages: at least one message is required';
    case 'openai-chat':
      if (needsModel) return "Missing required parameter: 'model'.";
      return Array.isArray(body['messages']) && body['messages'].length > 0
        ? undefined
        : "Missing required parameter: 'messages'.";
    case 'openai-responses':
      if (needsModel) return "Missing required parameter: 'model'.";
      return typeof body['input'] === 'string' || Array.isArray(body['input'])
        ? undefined
        : "Missing required parameter: 'input'.";
    case 'gemini':
      return Array.isArray(body['contents']) && body['contents'].length > 0
        ? undefined
        : '* GenerateContentRequest.contents: contents is not specified';
  }
}

function userText(body: Json, provider: ProviderName): string | undefined {
  switch (provider) {
    case 'anthropic':
    case 'openai-chat':
      return lastUser(body['messages'] as unknown[], 'user', 'content');
    case 'openai-responses':
      return typeof body['input'] === 'string'
        ? body['input']
        : lastUser(body['input'] as unknown[], 'user', 'content');
    case 'gemini':
      return lastUser(body['contents'] as unknown[], 'user', 'parts');
  }
}

/**
 * Parses and checks a provider request body the way the provider would (required fields only);
 * a bad body gives the message the provider's 400 carries.
 *
 * @example readRequestBody('openai-chat', '{"model":"gpt-5.2","messages":[{"role":"user","content":"Hi"}]}'); // { lastUserText: 'Hi', … }
 */
export function readRequestBody(provider: ProviderName, text: string): RequestSummary | { error: string } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { error: `The request body is not valid JSON: ${text.slice(0, 80)}` };
  }
  if (!isObject(body)) return { error: 'The request body must be a JSON object.' };
  const problem = check(body, provider);
  if (problem !== undefined) return { error: problem };
  const model = typeof body['model'] === 'string' ? body['model'] : undefined;
  const lastUserText = userText(body, provider);
  return { body, ...(model !== undefined && { model }), ...(lastUserText !== undefined && { lastUserText }) };
}
