import type { StreamPart } from '../message/types.js';
import type { SSEEvent } from '../sse/index.js';
import { unterminated, type ProviderDecoder } from './decoder.js';
import { openAIChatFinishReason } from './finish-reasons.js';
import { isJson, list, num, obj, parsePayload, str, type Json } from './payload.js';
import { providerError } from './provider-error.js';
import { openAIUsage } from './usage.js';

/**
 * Decodes OpenAI Chat Completions chunks (`choices[0].delta`, tool calls by index, the include_usage
 * chunk with `choices: []`, then `[DONE]`). OpenAI-compatible `reasoning_content` / `reasoning`
 * deltas become reasoning; a refusal becomes its own text part.
 *
 * @example
 * const decoder = createOpenAIChatDecoder();
 * for await (const e of readSSE(res)) for (const part of decoder.decode(e)) use(part);
 */
export function createOpenAIChatDecoder(): ProviderDecoder {
  let started = false;
  // Text ids change whenever another kind of part intervenes, so the message keeps the wire order.
  let segment = 0;
  let lastKind = '';
  // tool_calls[].index → the newest tool-call id at that index; all end together at finish_reason.
  const tools = new Map<number, string>();
  const openTools = new Set<string>();

  const textLike = (kind: 'text' | 'refusal' | 'reasoning', delta: string): StreamPart => {
    if (kind !== lastKind) {
      segment += 1;
      lastKind = kind;
    }
    const id = `${kind}-${segment}`;
    return kind === 'reasoning' ? { type: 'reasoning-delta', id, delta } : { type: 'text-delta', id, delta };
  };

  const toolCall = (call: Json): StreamPart[] => {
    const index = num(call, 'index') ?? 0;
    const fn = obj(call, 'function') ?? {};
    const parts: StreamPart[] = [];
    const id = str(call, 'id');
    let toolCallId = tools.get(index);
    // A new id at a known index is a new call: some compatible servers send every parallel call as index 0, or none.
    if (toolCallId === undefined || (id && id !== toolCallId)) {
      toolCallId = id || `call_${index}`;
      tools.set(index, toolCallId);
      openTools.add(toolCallId);
      lastKind = 'tool';
      parts.push({ type: 'tool-input-start', toolCallId, toolName: str(fn, 'name') ?? '' });
    }
    const args = str(fn, 'arguments');
    if (args !== undefined && args !== '') parts.push({ type: 'tool-input-delta', toolCallId, delta: args });
    return parts;
  };

  const endTools = (): StreamPart[] => {
    const parts: StreamPart[] = [...openTools].map((toolCallId) => ({ type: 'tool-input-end', toolCallId }));
    openTools.clear();
    return parts;
  };

  const decodeJson = (json: Json): StreamPart[] => {
    const error = json['error'];
    if (isJson(error)) return [providerError(str(error, 'message') ?? 'OpenAI sent an error payload.', [str(error, 'code'), str(error, 'type')])];
    const parts: StreamPart[] = [];
    // Azure's first chunk (prompt_filter_results only) has an empty id and model: start from the first that names them.
    const id = str(json, 'id') || undefined;
    const model = str(json, 'model') || undefined;
    if (!started && (id || model)) {
      started = true;
      parts.push({ type: 'message-start', id, model });
    }
    // Only the first choice is decoded: Rill streams one message per request (n = 1).
    const choice = list(json, 'choices').find((c) => (num(c, 'index') ?? 0) === 0);
    const delta = choice === undefined ? undefined : obj(choice, 'delta');
    if (delta !== undefined) {
      const reasoning = str(delta, 'reasoning_content') ?? str(delta, 'reasoning');
      if (reasoning) parts.push(textLike('reasoning', reasoning));
      const content = str(delta, 'content');
      if (content) parts.push(textLike('text', content));
      const refusal = str(delta, 'refusal');
      if (refusal) parts.push(textLike('refusal', refusal));
      for (const call of list(delta, 'tool_calls')) parts.push(...toolCall(call));
    }
    const finishReason = choice === undefined ? undefined : str(choice, 'finish_reason');
    if (finishReason !== undefined) {
      parts.push(...endTools(), { type: 'finish', finishReason: openAIChatFinishReason(finishReason), rawFinishReason: finishReason });
    }
    const usage = obj(json, 'usage');
    if (usage !== undefined) parts.push({ type: 'usage', usage: openAIUsage('openai-chat', usage) });
    return parts;
  };

  return {
    decode(event: SSEEvent): StreamPart[] {
      if (event.data === '[DONE]') return [...endTools(), { type: 'done' }];
      const payload = parsePayload('openai-chat', event.data);
      return 'error' in payload ? [payload.error] : decodeJson(payload.json);
    },
    end: (failure) => unterminated('[DONE]', failure),
  };
}
