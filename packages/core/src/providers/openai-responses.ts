import type { StreamPart } from '../message/types.js';
import type { SSEEvent } from '../sse/index.js';
import { unterminated, type ProviderDecoder } from './decoder.js';
import { responsesFinishReason } from './finish-reasons.js';
import { malformed, num, obj, parsePayload, str, type Json } from './payload.js';
import { providerError } from './provider-error.js';
import { createResponsesAnnotations } from './responses-annotations.js';
import { createResponsesToolItems } from './responses-tool-items.js';
import { openAIUsage } from './usage.js';

// Events that only mark progress: what they would tell arrives with the deltas and the finished items.
const LIFECYCLE = new Set([
  'response.queued',
  'response.in_progress',
  'response.content_part.added',
  'response.content_part.done',
  'response.output_text.done',
  'response.refusal.done',
  'response.reasoning_summary_part.added',
  'response.reasoning_summary_part.done',
  'response.reasoning_summary_text.done',
  'response.reasoning_text.done',
  'response.web_search_call.in_progress',
  'response.web_search_call.searching',
  'response.web_search_call.completed',
  'response.file_search_call.in_progress',
  'response.file_search_call.searching',
  'response.file_search_call.completed',
  'response.code_interpreter_call.in_progress',
  'response.code_interpreter_call.interpreting',
  'response.code_interpreter_call.completed',
  'response.image_generation_call.in_progress',
  'response.image_generation_call.generating',
  'response.image_generation_call.completed',
  'response.mcp_call.in_progress',
  'response.mcp_call.completed',
  'response.mcp_call.failed',
  'response.mcp_list_tools.in_progress',
  'response.mcp_list_tools.completed',
  'response.mcp_list_tools.failed',
]);

/**
 * Decodes the OpenAI Responses stream: typed `response.*` events routed by `item_id`. Text and
 * refusals become text, reasoning summaries (and raw reasoning text) become reasoning with the
 * item's `encrypted_content` as signature, function calls become tool calls, annotations become
 * sources and citations, and the tools OpenAI runs itself become provider-executed calls (see
 * {@link createResponsesToolItems}). Lifecycle events that add nothing to the finished items are
 * skipped; unknown events, items and annotations are counted as ignored.
 *
 * @example
 * const decoder = createOpenAIResponsesDecoder();
 * for await (const e of readSSE(res)) for (const part of decoder.decode(e)) use(part);
 */
export function createOpenAIResponsesDecoder(): ProviderDecoder {
  // Function-call item id → call_id (deltas name the item, results must name the call).
  const calls = new Map<string, string>();
  const argumentsSeen = new Set<string>();
  let lastItemType = '';
  const toolItems = createResponsesToolItems();
  const annotations = createResponsesAnnotations();

  const itemAdded = (item: Json): StreamPart[] => {
    lastItemType = str(item, 'type') ?? '';
    if (toolItems.handles(lastItemType)) return toolItems.added(item);
    if (lastItemType === 'message' || lastItemType === 'reasoning' || lastItemType === 'mcp_list_tools') return [];
    if (lastItemType !== 'function_call') return [{ type: 'ignored', what: `item:${lastItemType}` }];
    const itemId = str(item, 'id') ?? `fc_${calls.size}`;
    const toolCallId = str(item, 'call_id') ?? itemId;
    calls.set(itemId, toolCallId);
    return [{ type: 'tool-input-start', toolCallId, toolName: str(item, 'name') ?? '' }];
  };

  const argumentsDone = (itemId: string, json: Json): StreamPart[] => {
    const toolCallId = calls.get(itemId);
    if (toolCallId === undefined) return [];
    calls.delete(itemId);
    // Some relays send only the final arguments, without deltas.
    const all = argumentsSeen.has(toolCallId) ? undefined : str(json, 'arguments');
    const delta: StreamPart[] = all ? [{ type: 'tool-input-delta', toolCallId, delta: all }] : [];
    return [...delta, { type: 'tool-input-end', toolCallId }];
  };

  const itemDone = (item: Json): StreamPart[] => {
    const itemId = str(item, 'id') ?? '';
    const type = str(item, 'type') ?? '';
    if (type === 'function_call') return argumentsDone(itemId, item);
    if (toolItems.handles(type)) return toolItems.done(item);
    const encrypted = str(item, 'encrypted_content');
    // The reasoning part's id is that of its first summary, so the signature joins it.
    return str(item, 'type') === 'reasoning' && encrypted
      ? [{ type: 'reasoning-signature', id: `${itemId}:0`, signature: encrypted, itemId }]
      : [];
  };

  const finished = (response: Json): StreamPart[] => {
    const status = str(response, 'status') ?? 'completed';
    const incompleteReason = str(obj(response, 'incomplete_details') ?? {}, 'reason');
    const raw = incompleteReason ?? status;
    const usage = obj(response, 'usage');
    return [
      {
        type: 'finish',
        finishReason: responsesFinishReason(status, incompleteReason, lastItemType === 'function_call'),
        rawFinishReason: raw,
      },
      ...(usage === undefined ? [] : [{ type: 'usage', usage: openAIUsage('openai-responses', usage) } as const]),
    ];
  };

  const decodeJson = (json: Json, data: string): StreamPart[] => {
    const type = str(json, 'type') ?? '';
    const itemId = str(json, 'item_id') ?? '';
    const delta = str(json, 'delta') ?? '';
    switch (type) {
      case 'response.created': {
        const response = obj(json, 'response');
        if (response === undefined) return [malformed('openai-responses', data, 'response.created without a response')];
        return [{ type: 'message-start', id: str(response, 'id'), model: str(response, 'model') }];
      }
      case 'response.output_item.added': {
        const item = obj(json, 'item');
        return item === undefined
          ? [malformed('openai-responses', data, 'output_item.added without an item')]
          : itemAdded(item);
      }
      case 'response.output_item.done': {
        const item = obj(json, 'item');
        return item === undefined ? [] : itemDone(item);
      }
      case 'response.output_text.delta':
      case 'response.refusal.delta': {
        const id = `${itemId}:${num(json, 'content_index') ?? 0}`;
        annotations.text(id, delta);
        return [{ type: 'text-delta', id, delta }];
      }
      case 'response.output_text.annotation.added': {
        const annotation = obj(json, 'annotation');
        return annotation === undefined
          ? [{ type: 'ignored', what: `event:${type}` }]
          : annotations.annotation(`${itemId}:${num(json, 'content_index') ?? 0}`, annotation);
      }
      case 'response.reasoning_summary_text.delta':
        return [{ type: 'reasoning-delta', id: `${itemId}:${num(json, 'summary_index') ?? 0}`, delta }];
      case 'response.reasoning_text.delta':
        return [{ type: 'reasoning-delta', id: `${itemId}:${num(json, 'content_index') ?? 0}`, delta }];
      case 'response.function_call_arguments.delta': {
        const toolCallId = calls.get(itemId);
        if (toolCallId === undefined) return [];
        argumentsSeen.add(toolCallId);
        return [{ type: 'tool-input-delta', toolCallId, delta }];
      }
      case 'response.function_call_arguments.done':
        return argumentsDone(itemId, json);
      case 'response.code_interpreter_call_code.delta':
        return toolItems.codeDelta(itemId, delta);
      case 'response.mcp_call_arguments.delta':
        return toolItems.argumentsDelta(itemId, delta);
      case 'response.code_interpreter_call_code.done':
      case 'response.mcp_call_arguments.done':
        return toolItems.inputDone(itemId);
      case 'response.image_generation_call.partial_image':
        return toolItems.partialImage(itemId, str(json, 'partial_image_b64') ?? '');
      case 'response.completed':
      case 'response.incomplete':
        return [...finished(obj(json, 'response') ?? {}), { type: 'done' }];
      case 'response.failed': {
        const response = obj(json, 'response') ?? {};
        const error = obj(response, 'error') ?? {};
        return [
          ...finished(response),
          providerError(str(error, 'message') ?? 'The response failed.', [str(error, 'code')]),
        ];
      }
      case 'error': {
        // Documented flat ({code, message}); some relays nest it under `error`.
        const error = obj(json, 'error') ?? json;
        return [
          providerError(str(error, 'message') ?? 'OpenAI sent an error event.', [
            str(error, 'code'),
            str(error, 'type'),
          ]),
        ];
      }
      default:
        return LIFECYCLE.has(type) ? [] : [{ type: 'ignored', what: `event:${type}` }];
    }
  };

  return {
    decode(event: SSEEvent): StreamPart[] {
      const payload = parsePayload('openai-responses', event.data);
      return 'error' in payload ? [payload.error] : decodeJson(payload.json, event.data);
    },
    end: (failure) => unterminated('response.completed', failure),
  };
}
