import type { StreamPart } from '../message/types.js';
import type { SSEEvent } from '../sse/index.js';
import { unterminated, type ProviderDecoder } from './decoder.js';
import { openAIChatFinishReason } from './finish-reasons.js';
import { createChatSources } from './openai-chat-sources.js';
import { isJson, list, num, obj, parsePayload, str, type Json } from './payload.js';
import { providerError } from './provider-error.js';
import { createReasoningDetails } from './reasoning-details.js';
import { openAIUsage } from './usage.js';

// Delta keys decoded below (`role` carries nothing); any other is counted as ignored.
const DELTA_KEYS = new Set([
  'role',
  'content',
  'refusal',
  'tool_calls',
  'reasoning_content',
  'reasoning',
  'reasoning_details',
  'annotations',
]);

/**
 * Decodes OpenAI Chat Completions chunks (`choices[0].delta`, tool calls by index, the include_usage
 * chunk with `choices: []`, then `[DONE]`) and what OpenAI-compatible servers add: `reasoning_content`
 * / `reasoning` deltas, Mistral's content arrays (`text` and `thinking` items), OpenRouter's
 * `reasoning_details` (kept on the reasoning for sending back), Perplexity's `citations` and
 * `search_results`, and `url_citation` annotations. A refusal becomes its own text part. Only
 * choice 0 is decoded (Rill streams one answer per request); other choices are counted as
 * ignored. Perplexity ends with a `chat.completion.done` chunk instead of `[DONE]`.
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
  // Where the streaming text part starts in the answer's content (annotation offsets count from the content's start).
  let contentLength = 0;
  let textStart = 0;
  // tool_calls[].index → the newest tool-call id at that index; all end together at finish_reason.
  const tools = new Map<number, string>();
  const openTools = new Set<string>();
  const sources = createChatSources();
  const details = createReasoningDetails();

  // Sends the merged reasoning details with the reasoning they belong to, once it is over.
  const flushDetails = (): StreamPart[] => {
    const merged = details.take();
    return merged === undefined
      ? []
      : [{ type: 'reasoning-data', id: `reasoning-${segment}`, providerData: { reasoningDetails: merged } }];
  };

  const textLike = (kind: 'text' | 'refusal' | 'reasoning', delta: string): StreamPart[] => {
    const out: StreamPart[] = [];
    if (kind !== lastKind) {
      if (lastKind === 'reasoning') out.push(...flushDetails());
      segment += 1;
      lastKind = kind;
      if (kind === 'text') textStart = contentLength;
    }
    const id = `${kind}-${segment}`;
    if (kind === 'text') contentLength += delta.length;
    out.push(kind === 'reasoning' ? { type: 'reasoning-delta', id, delta } : { type: 'text-delta', id, delta });
    return out;
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
      if (lastKind === 'reasoning') parts.push(...flushDetails());
      lastKind = 'tool';
      parts.push({ type: 'tool-input-start', toolCallId, toolName: str(fn, 'name') ?? '' });
    }
    const args = str(fn, 'arguments');
    if (args !== undefined && args !== '') parts.push({ type: 'tool-input-delta', toolCallId, delta: args });
    return parts;
  };

  const endTools = (): StreamPart[] => {
    const parts: StreamPart[] = [
      ...flushDetails(),
      ...[...openTools].map((toolCallId): StreamPart => ({ type: 'tool-input-end', toolCallId })),
    ];
    openTools.clear();
    return parts;
  };

  // `content` is a string, or (Mistral) a list of `text` and `thinking` items.
  const content = (value: unknown): StreamPart[] => {
    if (typeof value === 'string') return value === '' ? [] : textLike('text', value);
    if (!Array.isArray(value)) return [];
    return value.filter(isJson).flatMap((item): StreamPart[] => {
      const type = str(item, 'type');
      if (type === 'text') return textLike('text', str(item, 'text') ?? '');
      if (type !== 'thinking') return [{ type: 'ignored', what: `content:${type ?? ''}` }];
      const thinking = item['thinking'];
      const text =
        typeof thinking === 'string'
          ? thinking
          : list(item, 'thinking')
              .map((t) => str(t, 'text') ?? '')
              .join('');
      return text === '' ? [] : textLike('reasoning', text);
    });
  };

  const decodeDelta = (delta: Json): StreamPart[] => {
    const parts: StreamPart[] = [];
    const reasoning = str(delta, 'reasoning_content') ?? str(delta, 'reasoning');
    const detailList = Array.isArray(delta['reasoning_details']) ? delta['reasoning_details'] : [];
    const detailText = details.push(detailList);
    const thought = reasoning || detailText;
    if (thought) parts.push(...textLike('reasoning', thought));
    parts.push(...content(delta['content']));
    const refusal = str(delta, 'refusal');
    if (refusal) parts.push(...textLike('refusal', refusal));
    for (const call of list(delta, 'tool_calls')) parts.push(...toolCall(call));
    if (Array.isArray(delta['annotations']))
      parts.push(...sources.annotations(delta['annotations'], `text-${segment}`, textStart));
    for (const [key, value] of Object.entries(delta))
      if (!DELTA_KEYS.has(key) && value !== null) parts.push({ type: 'ignored', what: `delta:${key}` });
    return parts;
  };

  const decodeJson = (json: Json): StreamPart[] => {
    const error = json['error'];
    if (isJson(error))
      return [
        providerError(str(error, 'message') ?? 'OpenAI sent an error payload.', [
          str(error, 'code'),
          str(error, 'type'),
        ]),
      ];
    const parts: StreamPart[] = [];
    // Azure's first chunk (prompt_filter_results only) has an empty id and model: start from the first that names them.
    const id = str(json, 'id') || undefined;
    const model = str(json, 'model') || undefined;
    if (!started && (id || model)) {
      started = true;
      parts.push({ type: 'message-start', id, model });
    }
    parts.push(...sources.chunk(json));
    let choice: Json | undefined;
    for (const c of list(json, 'choices')) {
      const index = num(c, 'index') ?? 0;
      if (index === 0) choice = c;
      else parts.push({ type: 'ignored', what: `choice:${index}` });
    }
    const delta = choice === undefined ? undefined : obj(choice, 'delta');
    if (delta !== undefined) parts.push(...decodeDelta(delta));
    const finishReason = choice === undefined ? undefined : str(choice, 'finish_reason');
    if (finishReason !== undefined) {
      parts.push(...endTools(), {
        type: 'finish',
        finishReason: openAIChatFinishReason(finishReason),
        rawFinishReason: finishReason,
      });
    }
    const usage = obj(json, 'usage');
    if (usage !== undefined) parts.push({ type: 'usage', usage: openAIUsage('openai-chat', usage) });
    if (str(json, 'object') === 'chat.completion.done') parts.push(...endTools(), { type: 'done' });
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
