import type { StreamPart } from '../message/types.js';
import type { SSEEvent } from '../sse/index.js';
import { unterminated, type ProviderDecoder } from './decoder.js';
import { anthropicFinishReason } from './finish-reasons.js';
import { malformed, num, obj, parsePayload, str, type Json } from './payload.js';
import { providerError } from './provider-error.js';
import { anthropicUsage, mergeAnthropicUsage, type AnthropicUsageCounters } from './usage.js';

/**
 * Decodes the Anthropic Messages stream (`message_start` … `message_stop`). Content blocks are routed by
 * their `index`; tool_use blocks become tool calls that end at their `content_block_stop`.
 *
 * @example
 * const decoder = createAnthropicDecoder();
 * for await (const e of readSSE(res)) for (const part of decoder.decode(e)) use(part);
 */
export function createAnthropicDecoder(): ProviderDecoder {
  let counters: AnthropicUsageCounters = {};
  // Block index → tool-call id, for input_json_delta and content_block_stop.
  const toolIds = new Map<number, string>();

  const usagePart = (usage: Json | undefined): StreamPart[] => {
    if (usage === undefined) return [];
    counters = mergeAnthropicUsage(counters, usage);
    return [{ type: 'usage', usage: anthropicUsage(counters) }];
  };

  const blockStart = (index: number, block: Json): StreamPart[] => {
    const id = String(index);
    switch (str(block, 'type')) {
      case 'text': {
        const text = str(block, 'text') ?? '';
        return text === '' ? [] : [{ type: 'text-delta', id, delta: text }];
      }
      case 'thinking': {
        const thinking = str(block, 'thinking') ?? '';
        return thinking === '' ? [] : [{ type: 'reasoning-delta', id, delta: thinking }];
      }
      case 'redacted_thinking':
        return [{ type: 'reasoning-redacted', id, data: str(block, 'data') ?? '' }];
      case 'tool_use': {
        const toolCallId = str(block, 'id') ?? `toolu_${index}`;
        toolIds.set(index, toolCallId);
        return [{ type: 'tool-input-start', toolCallId, toolName: str(block, 'name') ?? '' }];
      }
      default:
        return [];
    }
  };

  const blockDelta = (index: number, delta: Json): StreamPart[] => {
    const id = String(index);
    switch (str(delta, 'type')) {
      case 'text_delta':
        return [{ type: 'text-delta', id, delta: str(delta, 'text') ?? '' }];
      case 'thinking_delta':
        return [{ type: 'reasoning-delta', id, delta: str(delta, 'thinking') ?? '' }];
      case 'signature_delta':
        return [{ type: 'reasoning-signature', id, signature: str(delta, 'signature') ?? '' }];
      case 'input_json_delta': {
        const toolCallId = toolIds.get(index);
        return toolCallId === undefined ? [] : [{ type: 'tool-input-delta', toolCallId, delta: str(delta, 'partial_json') ?? '' }];
      }
      default:
        return [];
    }
  };

  const decodeJson = (json: Json, data: string): StreamPart[] => {
    const index = num(json, 'index');
    switch (str(json, 'type')) {
      case 'message_start': {
        const message = obj(json, 'message');
        if (message === undefined) return [malformed('anthropic', data, 'message_start without a message')];
        return [{ type: 'message-start', id: str(message, 'id'), model: str(message, 'model') }, ...usagePart(obj(message, 'usage'))];
      }
      case 'content_block_start': {
        const block = obj(json, 'content_block');
        if (index === undefined || block === undefined) return [malformed('anthropic', data, 'content_block_start without index or content_block')];
        return blockStart(index, block);
      }
      case 'content_block_delta': {
        const delta = obj(json, 'delta');
        if (index === undefined || delta === undefined) return [malformed('anthropic', data, 'content_block_delta without index or delta')];
        return blockDelta(index, delta);
      }
      case 'content_block_stop': {
        const toolCallId = index === undefined ? undefined : toolIds.get(index);
        return toolCallId === undefined ? [] : [{ type: 'tool-input-end', toolCallId }];
      }
      case 'message_delta': {
        const stopReason = str(obj(json, 'delta') ?? {}, 'stop_reason');
        const finish: StreamPart[] = stopReason === undefined ? [] : [{ type: 'finish', finishReason: anthropicFinishReason(stopReason), rawFinishReason: stopReason }];
        return [...finish, ...usagePart(obj(json, 'usage'))];
      }
      case 'message_stop':
        return [{ type: 'done' }];
      case 'error': {
        const error = obj(json, 'error') ?? {};
        return [providerError(str(error, 'message') ?? 'Anthropic sent an error event.', [str(error, 'type')])];
      }
      default:
        // ping and event types added after this decoder was written carry nothing we show.
        return [];
    }
  };

  return {
    decode(event: SSEEvent): StreamPart[] {
      const payload = parsePayload('anthropic', event.data);
      return 'error' in payload ? [payload.error] : decodeJson(payload.json, event.data);
    },
    end: (failure) => unterminated('message_stop', failure),
  };
}
