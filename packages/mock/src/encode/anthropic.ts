import type { FinishReason } from '@rill/core';
import { splitChunks, splitTokens } from '../scenario/tokens.js';
import type { MockPart } from '../scenario/types.js';
import { doneMessage, keepFinishAndUsage } from './expected-message.js';
import { ARGUMENT_CHUNK_CHARS, expectedParts } from './expected-parts.js';
import type { ProviderWire, WireEvent } from './types.js';

const stopReasons: Record<Exclude<FinishReason, 'error' | 'other'>, string> = {
  stop: 'end_turn',
  length: 'max_tokens',
  'tool-calls': 'tool_use',
  'content-filter': 'refusal',
};

const event = (type: string, body: object, token = false): WireEvent => ({ event: type, data: JSON.stringify({ type, ...body }), token });

const delta = (index: number, body: object): WireEvent => event('content_block_delta', { index, delta: body }, true);

function block(part: MockPart, index: number): WireEvent[] {
  switch (part.type) {
    case 'text':
      return [event('content_block_start', { index, content_block: { type: 'text', text: '' } }), ...splitTokens(part.text).map((text) => delta(index, { type: 'text_delta', text }))];
    case 'reasoning':
      return [
        event('content_block_start', { index, content_block: { type: 'thinking', thinking: '' } }),
        ...splitTokens(part.text).map((thinking) => delta(index, { type: 'thinking_delta', thinking })),
        ...(part.signature === undefined ? [] : [delta(index, { type: 'signature_delta', signature: part.signature })]),
      ];
    case 'tool-call':
      return [
        event('content_block_start', { index, content_block: { type: 'tool_use', id: part.toolCallId, name: part.toolName, input: {} } }),
        ...splitChunks(JSON.stringify(part.input), ARGUMENT_CHUNK_CHARS).map((partial_json) => delta(index, { type: 'input_json_delta', partial_json })),
      ];
  }
}

/** Anthropic Messages (`POST /v1/messages`): `message_start`, content blocks, `message_delta`, `message_stop`. */
export const anthropicWire: ProviderWire = {
  provider: 'anthropic',
  lineEnding: '\n',
  defaultId: 'msg_mock_01',
  defaultModel: 'claude-sonnet-4-6',
  encode(scenario, terminate) {
    const { usage } = scenario;
    const cached = usage.cachedInputTokens ?? 0;
    const start = event('message_start', {
      message: {
        id: scenario.id,
        type: 'message',
        role: 'assistant',
        content: [],
        model: scenario.model,
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: usage.inputTokens - cached, cache_creation_input_tokens: 0, cache_read_input_tokens: cached, output_tokens: 1 },
      },
    });
    const blocks = scenario.parts.flatMap((part, index) => [...block(part, index), event('content_block_stop', { index })]);
    // Anthropic sends a ping early in every stream; decoders must skip it.
    const ping = event('ping', {});
    return [
      start,
      ...blocks.slice(0, 1),
      ping,
      ...blocks.slice(1),
      event('message_delta', { delta: { stop_reason: stopReasons[scenario.finishReason], stop_sequence: null }, usage: { output_tokens: usage.outputTokens } }),
      ...(terminate ? [event('message_stop', {})] : []),
    ];
  },
  expected(scenario) {
    const { usage } = scenario;
    return doneMessage(scenario, {
      finishReason: scenario.finishReason,
      rawFinishReason: stopReasons[scenario.finishReason],
      usage: { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, cachedInputTokens: usage.cachedInputTokens ?? 0 },
      parts: expectedParts(scenario.parts, { signatures: true, joinNeighbours: false }),
    });
  },
  // message_delta (finish and usage) comes before message_stop.
  unterminated: keepFinishAndUsage,
};
