import type { StreamPart } from '../message/types.js';
import { anthropicCitation } from './anthropic-citations.js';
import { isJson, list, obj, str, type Json } from './payload.js';

/** The content blocks of one Anthropic message, routed by their `index`. */
export interface AnthropicBlocks {
  start(index: number, block: Json): StreamPart[];
  delta(index: number, delta: Json): StreamPart[];
  stop(index: number): StreamPart[];
}

interface OpenCall {
  toolCallId: string;
  // The block's own `input`: the whole input when no input_json_delta follows (a call made by code execution).
  input: unknown;
  streamed: boolean;
}

const CALL_BLOCKS = new Set(['tool_use', 'server_tool_use', 'mcp_tool_use']);

/** A block's fields other than those the Message model holds, kept to send the block back. */
function blockExtras(block: Json, held: readonly string[]): Json {
  return Object.fromEntries(Object.entries(block).filter(([key]) => !held.includes(key)));
}

/** A result block's content as a call's output: an `*_error` content (or an MCP `is_error`) fails the call. */
function toolOutput(toolCallId: string, block: Json): StreamPart {
  const content = block['content'];
  const errorType =
    isJson(content) && str(content, 'type')?.endsWith('_error')
      ? (str(content, 'error_code') ?? str(content, 'type'))
      : undefined;
  const mcpError = block['is_error'] === true ? 'The MCP tool reported an error.' : undefined;
  const errorText = errorType ?? mcpError;
  return {
    type: 'tool-output',
    toolCallId,
    output: content ?? null,
    ...(errorText !== undefined && { errorText }),
    providerData: { resultBlock: blockExtras(block, ['tool_use_id', 'content']) },
  };
}

/**
 * Tracks an Anthropic message's content blocks: text (with its citations), thinking, client
 * `tool_use` calls, and the calls the provider runs itself (`server_tool_use`, `mcp_tool_use`)
 * with the `*_tool_result` / `mcp_tool_result` blocks that answer them. Unknown block and delta
 * types are counted as ignored.
 *
 * @example
 * const blocks = createAnthropicBlocks();
 * blocks.start(0, { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: {} });
 */
export function createAnthropicBlocks(): AnthropicBlocks {
  const calls = new Map<number, OpenCall>();
  // Every call id seen, so a result block finds its call whatever block it came in.
  const callIds = new Set<string>();

  const startCall = (index: number, block: Json, type: string): StreamPart[] => {
    const toolCallId = str(block, 'id') ?? `toolu_${index}`;
    calls.set(index, { toolCallId, input: block['input'], streamed: false });
    callIds.add(toolCallId);
    const name = str(block, 'name') ?? '';
    if (type === 'tool_use') return [{ type: 'tool-input-start', toolCallId, toolName: name }];
    return [
      {
        type: 'tool-input-start',
        toolCallId,
        toolName: name,
        providerExecuted: true,
        providerData: { block: blockExtras(block, ['id', 'name', 'input']) },
      },
    ];
  };

  // A result for a call of an earlier response (the one a paused turn left open) stands for its call until the chat joins the two.
  const result = (toolUseId: string, type: string, block: Json): StreamPart[] => {
    if (callIds.has(toolUseId)) return [toolOutput(toolUseId, block)];
    callIds.add(toolUseId);
    return [
      {
        type: 'tool-input-start',
        toolCallId: toolUseId,
        toolName: type.slice(0, -'_tool_result'.length),
        providerExecuted: true,
      },
      toolOutput(toolUseId, block),
    ];
  };

  const start = (index: number, block: Json): StreamPart[] => {
    const id = String(index);
    const type = str(block, 'type') ?? '';
    if (CALL_BLOCKS.has(type)) return startCall(index, block, type);
    const toolUseId = str(block, 'tool_use_id');
    if (toolUseId !== undefined && type.endsWith('_tool_result')) return result(toolUseId, type, block);
    switch (type) {
      case 'text': {
        const text = str(block, 'text') ?? '';
        const cited = list(block, 'citations').flatMap((c) => anthropicCitation(id, c));
        return text === '' ? cited : [...cited, { type: 'text-delta', id, delta: text }];
      }
      case 'thinking': {
        const thinking = str(block, 'thinking') ?? '';
        return thinking === '' ? [] : [{ type: 'reasoning-delta', id, delta: thinking }];
      }
      case 'redacted_thinking':
        return [{ type: 'reasoning-redacted', id, data: str(block, 'data') ?? '' }];
      default:
        return [{ type: 'ignored', what: `block:${type}` }];
    }
  };

  const delta = (index: number, change: Json): StreamPart[] => {
    const id = String(index);
    const type = str(change, 'type') ?? '';
    switch (type) {
      case 'text_delta':
        return [{ type: 'text-delta', id, delta: str(change, 'text') ?? '' }];
      case 'citations_delta': {
        const citation = obj(change, 'citation');
        return citation === undefined
          ? [{ type: 'ignored', what: 'delta:citations_delta' }]
          : anthropicCitation(id, citation);
      }
      case 'thinking_delta':
        return [{ type: 'reasoning-delta', id, delta: str(change, 'thinking') ?? '' }];
      case 'signature_delta':
        return [{ type: 'reasoning-signature', id, signature: str(change, 'signature') ?? '' }];
      case 'input_json_delta': {
        const call = calls.get(index);
        if (call === undefined) return [];
        call.streamed = true;
        return [{ type: 'tool-input-delta', toolCallId: call.toolCallId, delta: str(change, 'partial_json') ?? '' }];
      }
      default:
        return [{ type: 'ignored', what: `delta:${type}` }];
    }
  };

  const stop = (index: number): StreamPart[] => {
    const call = calls.get(index);
    if (call === undefined) return [];
    calls.delete(index);
    const whole =
      !call.streamed && isJson(call.input) && Object.keys(call.input).length > 0
        ? JSON.stringify(call.input)
        : undefined;
    return [
      ...(whole === undefined
        ? []
        : [{ type: 'tool-input-delta', toolCallId: call.toolCallId, delta: whole } as const]),
      { type: 'tool-input-end', toolCallId: call.toolCallId },
    ];
  };

  return { start, delta, stop };
}
