import type { FinishReason, Part } from '@rill/core';
import { splitChunks, splitTokens } from '../scenario/tokens.js';
import type {
  MockCodeExecutionPart,
  MockPart,
  MockProviderPart,
  MockTextPart,
  MockWebSearchPart,
} from '../scenario/types.js';
import { doneMessage, keepFinishAndUsage } from './expected-message.js';
import { ARGUMENT_CHUNK_CHARS, citedBlocks, expectedParts, quoteOf } from './expected-parts.js';
import type { ProviderWire, WireEvent } from './types.js';

const stopReasons: Record<Exclude<FinishReason, 'error' | 'other'>, string> = {
  stop: 'end_turn',
  length: 'max_tokens',
  'tool-calls': 'tool_use',
  'content-filter': 'refusal',
};

const event = (type: string, body: object, token = false): WireEvent => ({
  event: type,
  data: JSON.stringify({ type, ...body }),
  token,
});

const delta = (index: number, body: object): WireEvent => event('content_block_delta', { index, delta: body }, true);

const stop = (index: number): WireEvent => event('content_block_stop', { index });

/** A server tool the provider runs: its name, input and result block. */
interface ServerTool {
  name: string;
  input: object;
  resultType: string;
  content: unknown;
}

const serverTool = (part: MockWebSearchPart | MockCodeExecutionPart): ServerTool =>
  part.type === 'web-search'
    ? {
        name: 'web_search',
        input: { query: part.query },
        resultType: 'web_search_tool_result',
        // Anthropic keeps each result's page content encrypted, for the next turn only.
        content: part.results.map((r, i) => ({
          type: 'web_search_result',
          title: r.title,
          url: r.url,
          encrypted_content: `mock-encrypted-page-${i}`,
          page_age: null,
        })),
      }
    : {
        name: 'code_execution',
        input: { code: part.code },
        resultType: 'code_execution_tool_result',
        content: { type: 'code_execution_result', stdout: part.output, stderr: '', return_code: 0, content: [] },
      };

/** Text blocks: a cited span is a block of its own, its citations sent before its text, as Anthropic streams them. */
function textBlocks(part: MockTextPart, next: () => number): WireEvent[] {
  return citedBlocks(part).flatMap(({ text, citations }) => {
    const index = next();
    const cited = citations.map((c, i) =>
      delta(index, {
        type: 'citations_delta',
        citation: {
          type: 'web_search_result_location',
          cited_text: quoteOf(part.text, c),
          url: c.source.url,
          title: c.source.title,
          encrypted_index: `mock-encrypted-index-${i}`,
        },
      }),
    );
    const start = event('content_block_start', {
      index,
      content_block: citations.length > 0 ? { citations: [], type: 'text', text: '' } : { type: 'text', text: '' },
    });
    return [
      start,
      ...cited,
      ...splitTokens(text).map((t) => delta(index, { type: 'text_delta', text: t })),
      stop(index),
    ];
  });
}

function blocks(part: MockPart, next: () => number): WireEvent[] {
  switch (part.type) {
    case 'text':
      return textBlocks(part, next);
    case 'reasoning': {
      const index = next();
      return [
        event('content_block_start', { index, content_block: { type: 'thinking', thinking: '' } }),
        ...splitTokens(part.text).map((thinking) => delta(index, { type: 'thinking_delta', thinking })),
        ...(part.signature === undefined ? [] : [delta(index, { type: 'signature_delta', signature: part.signature })]),
        stop(index),
      ];
    }
    case 'tool-call': {
      const index = next();
      return [
        event('content_block_start', {
          index,
          content_block: { type: 'tool_use', id: part.toolCallId, name: part.toolName, input: {} },
        }),
        ...splitChunks(JSON.stringify(part.input), ARGUMENT_CHUNK_CHARS).map((partial_json) =>
          delta(index, { type: 'input_json_delta', partial_json }),
        ),
        stop(index),
      ];
    }
    case 'web-search':
    case 'code-execution': {
      const tool = serverTool(part);
      const call = next();
      const result = next();
      return [
        event('content_block_start', {
          index: call,
          content_block: { type: 'server_tool_use', id: part.id, name: tool.name, input: {} },
        }),
        ...splitChunks(JSON.stringify(tool.input), ARGUMENT_CHUNK_CHARS).map((partial_json) =>
          delta(call, { type: 'input_json_delta', partial_json }),
        ),
        stop(call),
        // The result comes whole, in its block's start.
        event(
          'content_block_start',
          { index: result, content_block: { type: tool.resultType, tool_use_id: part.id, content: tool.content } },
          true,
        ),
        stop(result),
      ];
    }
    case 'image':
      // Claude does not make images.
      return [];
  }
}

function providerParts(part: MockProviderPart): Part[] {
  if (part.type === 'image') return [];
  const tool = serverTool(part);
  return [
    {
      type: 'tool-call',
      toolCallId: part.id,
      toolName: tool.name,
      inputText: JSON.stringify(tool.input),
      input: tool.input,
      state: 'output-available',
      output: tool.content,
      providerExecuted: true,
      providerData: { block: { type: 'server_tool_use' }, resultBlock: { type: tool.resultType } },
    },
  ];
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
        usage: {
          input_tokens: usage.inputTokens - cached,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: cached,
          output_tokens: 1,
        },
      },
    });
    let index = 0;
    const next = (): number => index++;
    const content = scenario.parts.flatMap((part) => blocks(part, next));
    // Anthropic sends a ping early in every stream; decoders must skip it.
    const ping = event('ping', {});
    return [
      start,
      ...content.slice(0, 1),
      ping,
      ...content.slice(1),
      event('message_delta', {
        delta: { stop_reason: stopReasons[scenario.finishReason], stop_sequence: null },
        usage: { output_tokens: usage.outputTokens },
      }),
      ...(terminate ? [event('message_stop', {})] : []),
    ];
  },
  expected(scenario) {
    const { usage } = scenario;
    return doneMessage(scenario, {
      finishReason: scenario.finishReason,
      rawFinishReason: stopReasons[scenario.finishReason],
      usage: {
        inputTokens: usage.inputTokens,
        outputTokens: usage.outputTokens,
        cachedInputTokens: usage.cachedInputTokens ?? 0,
      },
      parts: expectedParts(scenario.parts, {
        signatures: true,
        joinNeighbours: false,
        citations: 'blocks',
        providerParts,
      }),
    });
  },
  // message_delta (finish and usage) comes before message_stop.
  unterminated: keepFinishAndUsage,
};
