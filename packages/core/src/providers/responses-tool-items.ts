import type { StreamPart } from '../message/types.js';
import { isJson, str, type Json } from './payload.js';

/** The output items of OpenAI Responses tools that OpenAI runs itself. */
export interface ResponsesToolItems {
  /** Whether `type` is one of them. */
  handles(type: string): boolean;
  added(item: Json): StreamPart[];
  /** `code_interpreter_call_code.delta`: code text, streamed as the call's `{ "code": … }` input. */
  codeDelta(itemId: string, delta: string): StreamPart[];
  /** `mcp_call_arguments.delta`: JSON argument text. */
  argumentsDelta(itemId: string, delta: string): StreamPart[];
  /** `code_interpreter_call_code.done` / `mcp_call_arguments.done`: the input is complete. */
  inputDone(itemId: string): StreamPart[];
  partialImage(itemId: string, b64: string): StreamPart[];
  done(item: Json): StreamPart[];
}

const TOOL_NAMES: Record<string, string> = {
  web_search_call: 'web_search',
  file_search_call: 'file_search',
  code_interpreter_call: 'code_interpreter',
  image_generation_call: 'image_generation',
};

interface OpenItem {
  // Input sent so far; `{"code":"` is opened by the first code delta and closed at the end.
  streamed: 'none' | 'code' | 'json' | 'ended';
}

// Base64 openings of the image formats the image tool writes (PNG, JPEG, WebP).
const IMAGE_SIGNATURES: [string, string][] = [
  ['iVBOR', 'image/png'],
  ['/9j/', 'image/jpeg'],
  ['UklGR', 'image/webp'],
];

const imageMediaType = (b64: string): string =>
  IMAGE_SIGNATURES.find(([prefix]) => b64.startsWith(prefix))?.[1] ?? 'image/png';

// JSON.stringify escapes each code unit on its own, so escaped pieces concatenate into valid JSON string content.
const escapeJson = (text: string): string => JSON.stringify(text).slice(1, -1);

/** The input text of a finished item whose input did not stream: what the model asked the tool to do. */
function wholeInput(item: Json): string {
  switch (str(item, 'type')) {
    case 'web_search_call':
      return JSON.stringify(item['action'] ?? {});
    case 'file_search_call':
      return JSON.stringify({ queries: item['queries'] ?? [] });
    case 'code_interpreter_call':
      return JSON.stringify({ code: str(item, 'code') ?? '' });
    case 'mcp_call':
      return str(item, 'arguments') ?? '';
    default:
      return '';
  }
}

/** Why a finished item failed, if it did: its `error`, or a `failed` / `incomplete` status. */
function failure(item: Json): string | undefined {
  const error = item['error'];
  if (typeof error === 'string' && error !== '') return error;
  if (isJson(error)) return str(error, 'message') ?? JSON.stringify(error);
  const status = str(item, 'status');
  return status === 'failed' || status === 'incomplete'
    ? `The ${str(item, 'type') ?? 'tool call'} is ${status}.`
    : undefined;
}

/**
 * Tracks the Responses output items of tools OpenAI runs (web search, file search, code
 * interpreter, MCP calls, image generation) as provider-executed tool calls named by the item's
 * id: code and MCP arguments stream as input, the finished item is the output (an image's
 * `result` goes to a `file` part instead, as do its partial images).
 *
 * @example
 * const items = createResponsesToolItems();
 * if (items.handles(item.type)) parts.push(...items.added(item));
 */
export function createResponsesToolItems(): ResponsesToolItems {
  const open = new Map<string, OpenItem>();

  // Ends the call's input: closes streamed code, or sends the finished item's whole input.
  const endInput = (itemId: string, item?: Json): StreamPart[] => {
    const state = open.get(itemId);
    if (state === undefined || state.streamed === 'ended') return [];
    const parts: StreamPart[] = [];
    if (state.streamed === 'code') parts.push({ type: 'tool-input-delta', toolCallId: itemId, delta: '"}' });
    const whole = state.streamed === 'none' && item !== undefined ? wholeInput(item) : '';
    if (whole !== '') parts.push({ type: 'tool-input-delta', toolCallId: itemId, delta: whole });
    state.streamed = 'ended';
    parts.push({ type: 'tool-input-end', toolCallId: itemId });
    return parts;
  };

  return {
    handles: (type) => Object.hasOwn(TOOL_NAMES, type) || type === 'mcp_call',
    added(item) {
      const itemId = str(item, 'id') ?? '';
      const type = str(item, 'type') ?? '';
      if (open.has(itemId)) return [];
      open.set(itemId, { streamed: 'none' });
      const toolName = type === 'mcp_call' ? (str(item, 'name') ?? 'mcp') : (TOOL_NAMES[type] ?? type);
      return [
        { type: 'tool-input-start', toolCallId: itemId, toolName, providerExecuted: true, providerData: { type } },
      ];
    },
    codeDelta(itemId, delta) {
      const state = open.get(itemId);
      if (state === undefined || state.streamed === 'ended' || delta === '') return [];
      const prefix = state.streamed === 'code' ? '' : '{"code":"';
      state.streamed = 'code';
      return [{ type: 'tool-input-delta', toolCallId: itemId, delta: prefix + escapeJson(delta) }];
    },
    argumentsDelta(itemId, delta) {
      const state = open.get(itemId);
      if (state === undefined || state.streamed === 'ended' || delta === '') return [];
      state.streamed = 'json';
      return [{ type: 'tool-input-delta', toolCallId: itemId, delta }];
    },
    inputDone: (itemId) => (open.get(itemId)?.streamed === 'none' ? [] : endInput(itemId)),
    partialImage(itemId, b64) {
      return [
        {
          type: 'file',
          file: { id: itemId, mediaType: imageMediaType(b64), data: b64, partial: true, toolCallId: itemId },
        },
      ];
    },
    done(item) {
      const itemId = str(item, 'id') ?? '';
      if (!open.has(itemId)) return [];
      const parts = endInput(itemId, item);
      open.delete(itemId);
      const { result, ...output } = item;
      const errorText = failure(item);
      if (typeof result === 'string' && result !== '') {
        const format = str(item, 'output_format');
        parts.push({
          type: 'file',
          file: {
            id: itemId,
            mediaType: format === undefined ? imageMediaType(result) : `image/${format}`,
            data: result,
            toolCallId: itemId,
          },
        });
      }
      parts.push({ type: 'tool-output', toolCallId: itemId, output, ...(errorText !== undefined && { errorText }) });
      return parts;
    },
  };
}
