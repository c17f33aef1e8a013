import type { StreamPart } from '../message/types.js';
import type { SSEEvent } from '../sse/index.js';
import { createAnthropicBlocks } from './anthropic-blocks.js';
import { unterminated, type ProviderDecoder } from './decoder.js';
import { anthropicFinishReason } from './finish-reasons.js';
import { malformed, num, obj, parsePayload, str, type Json } from './payload.js';
import { providerError } from './provider-error.js';
import { anthropicUsage, mergeAnthropicUsage, type AnthropicUsageCounters } from './usage.js';

/**
 * Decodes the Anthropic Messages stream (`message_start` … `message_stop`). Content blocks are routed by
 * their `index` (see {@link createAnthropicBlocks}): text with its citations, thinking, tool calls that
 * end at their `content_block_stop`, and the server and MCP tools Anthropic runs with their results.
 *
 * @example
 * const decoder = createAnthropicDecoder();
 * for await (const e of readSSE(res)) for (const part of decoder.decode(e)) use(part);
 */
export function createAnthropicDecoder(): ProviderDecoder {
  let counters: AnthropicUsageCounters = {};
  const blocks = createAnthropicBlocks();

  const usagePart = (usage: Json | undefined): StreamPart[] => {
    if (usage === undefined) return [];
    counters = mergeAnthropicUsage(counters, usage);
    return [{ type: 'usage', usage: anthropicUsage(counters) }];
  };

  const decodeJson = (json: Json, data: string): StreamPart[] => {
    const index = num(json, 'index');
    const type = str(json, 'type') ?? '';
    switch (type) {
      case 'message_start': {
        const message = obj(json, 'message');
        if (message === undefined) return [malformed('anthropic', data, 'message_start without a message')];
        return [
          { type: 'message-start', id: str(message, 'id'), model: str(message, 'model') },
          ...usagePart(obj(message, 'usage')),
        ];
      }
      case 'content_block_start': {
        const block = obj(json, 'content_block');
        if (index === undefined || block === undefined)
          return [malformed('anthropic', data, 'content_block_start without index or content_block')];
        return blocks.start(index, block);
      }
      case 'content_block_delta': {
        const delta = obj(json, 'delta');
        if (index === undefined || delta === undefined)
          return [malformed('anthropic', data, 'content_block_delta without index or delta')];
        return blocks.delta(index, delta);
      }
      case 'content_block_stop':
        return index === undefined ? [] : blocks.stop(index);
      case 'message_delta': {
        const stopReason = str(obj(json, 'delta') ?? {}, 'stop_reason');
        const finish: StreamPart[] =
          stopReason === undefined
            ? []
            : [{ type: 'finish', finishReason: anthropicFinishReason(stopReason), rawFinishReason: stopReason }];
        return [...finish, ...usagePart(obj(json, 'usage'))];
      }
      case 'message_stop':
        return [{ type: 'done' }];
      case 'ping':
        return [];
      case 'error': {
        const error = obj(json, 'error') ?? {};
        return [providerError(str(error, 'message') ?? 'Anthropic sent an error event.', [str(error, 'type')])];
      }
      default:
        return [{ type: 'ignored', what: `event:${type}` }];
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
