import type { FinishReason, Part } from '@rill/core';
import { splitChunks, splitTokens } from '../scenario/tokens.js';
import type { MockImagePart, MockPart, MockProviderPart, MockTextPart, MockWebSearchPart } from '../scenario/types.js';
import { doneMessage, reportedUsage } from './expected-message.js';
import { ARGUMENT_CHUNK_CHARS, expectedParts } from './expected-parts.js';
import type { ProviderWire, ResolvedScenario, WireEvent } from './types.js';

/** The fixed `created_at` keeps re-encoding (for Last-Event-ID resumes) byte-identical. */
const CREATED_AT = 1764000000;

// Length and content-filter end as `response.incomplete` with a reason; the rest as `response.completed`.
const incompleteReasons: Partial<Record<FinishReason, string>> = {
  length: 'max_output_tokens',
  'content-filter': 'content_filter',
};

const endsOnToolCall = (scenario: ResolvedScenario): boolean => scenario.parts.at(-1)?.type === 'tool-call';

/** A reasoning item's id on the wire: one id per output item, by its index. */
const reasoningItemId = (index: number): string => `rs_${index}`;

/** OpenAI counts annotation offsets in characters (code points), not UTF-16 units. */
const codePoints = (text: string, utf16: number): number => Array.from(text.slice(0, utf16)).length;

function annotations(part: MockTextPart): object[] {
  return (part.citations ?? []).map((c) => ({
    type: 'url_citation',
    end_index: codePoints(part.text, c.end),
    start_index: codePoints(part.text, c.start),
    title: c.source.title,
    url: c.source.url,
  }));
}

// The code interpreter's container: one per conversation on the real API.
const CONTAINER_ID = 'cntr_mock_1';

// What the image tool answers besides the image: the same for every image, as the request would set it.
const IMAGE_SETTINGS = { background: 'opaque', quality: 'low', size: '1024x1024' };

const imageFormat = (part: MockImagePart): string => part.mediaType.slice('image/'.length);

const webSearchAction = (part: MockWebSearchPart) => ({
  type: 'search',
  query: part.query,
  sources: part.results.map((r) => ({ type: 'url', url: r.url })),
});

/** The finished output item for a part, as `response.output_item.done` and `response.completed` list it. */
function doneItem(part: MockPart, index: number): object {
  switch (part.type) {
    case 'text':
      return {
        id: `msg_${index}`,
        type: 'message',
        status: 'completed',
        role: 'assistant',
        content: [{ type: 'output_text', text: part.text, annotations: annotations(part) }],
      };
    case 'reasoning':
      return {
        id: reasoningItemId(index),
        type: 'reasoning',
        summary: [{ type: 'summary_text', text: part.text }],
        ...(part.signature !== undefined && { encrypted_content: part.signature }),
      };
    case 'tool-call':
      return {
        id: `fc_${index}`,
        type: 'function_call',
        status: 'completed',
        arguments: JSON.stringify(part.input),
        call_id: part.toolCallId,
        name: part.toolName,
      };
    case 'web-search':
      return { id: part.id, type: 'web_search_call', status: 'completed', action: webSearchAction(part) };
    case 'code-execution':
      return {
        id: part.id,
        type: 'code_interpreter_call',
        status: 'completed',
        code: part.code,
        container_id: CONTAINER_ID,
        outputs: [{ type: 'logs', logs: part.output }],
      };
    case 'image':
      return {
        id: part.id,
        type: 'image_generation_call',
        status: 'completed',
        ...IMAGE_SETTINGS,
        output_format: imageFormat(part),
        result: part.data,
        ...(part.prompt !== undefined && { revised_prompt: part.prompt }),
      };
  }
}

/** What a provider-run item decodes to: a call the provider executed, its finished item as output (an image goes to a file part). */
function providerParts(part: MockProviderPart, index: number): Part[] {
  const { result: _image, ...output } = doneItem(part, index) as Record<string, unknown>;
  const call = {
    type: 'tool-call',
    toolCallId: part.id,
    state: 'output-available',
    output,
    providerExecuted: true,
  } as const;
  switch (part.type) {
    case 'web-search': {
      const action = webSearchAction(part);
      return [
        {
          ...call,
          toolName: 'web_search',
          inputText: JSON.stringify(action),
          input: action,
          providerData: { type: 'web_search_call' },
        },
      ];
    }
    case 'code-execution':
      return [
        {
          ...call,
          toolName: 'code_interpreter',
          inputText: JSON.stringify({ code: part.code }),
          input: { code: part.code },
          providerData: { type: 'code_interpreter_call' },
        },
      ];
    case 'image':
      return [
        {
          ...call,
          toolName: 'image_generation',
          inputText: '',
          input: {},
          providerData: { type: 'image_generation_call' },
        },
        { type: 'file', id: part.id, mediaType: part.mediaType, data: part.data, toolCallId: part.id },
      ];
  }
}

/** OpenAI Responses (`POST /v1/responses`): typed `response.*` events with sequence numbers. */
export const openAIResponsesWire: ProviderWire = {
  provider: 'openai-responses',
  lineEnding: '\n',
  defaultId: 'resp_mock_1',
  defaultModel: 'gpt-5.2',
  encode(scenario, terminate) {
    let sequence = 0;
    const event = (type: string, body: object, token = false): WireEvent => ({
      event: type,
      data: JSON.stringify({ type, sequence_number: sequence++, ...body }),
      token,
    });
    const response = (status: string, output: object[]) => ({
      id: scenario.id,
      object: 'response',
      created_at: CREATED_AT,
      status,
      model: scenario.model,
      output,
    });

    const item = (part: MockPart, output_index: number): WireEvent[] => {
      const done = doneItem(part, output_index);
      switch (part.type) {
        case 'text': {
          const at = { item_id: `msg_${output_index}`, output_index, content_index: 0 };
          return [
            event('response.output_item.added', {
              output_index,
              item: { id: at.item_id, type: 'message', status: 'in_progress', role: 'assistant', content: [] },
            }),
            event('response.content_part.added', { ...at, part: { type: 'output_text', text: '', annotations: [] } }),
            ...splitTokens(part.text).map((delta) =>
              event('response.output_text.delta', { ...at, delta, logprobs: [] }, true),
            ),
            // Annotations follow the text they cite.
            ...annotations(part).map((annotation, annotation_index) =>
              event('response.output_text.annotation.added', { ...at, annotation, annotation_index }),
            ),
            event('response.output_text.done', { ...at, text: part.text, logprobs: [] }),
            event('response.content_part.done', {
              ...at,
              part: { type: 'output_text', text: part.text, annotations: annotations(part) },
            }),
            event('response.output_item.done', { output_index, item: done }),
          ];
        }
        case 'reasoning': {
          const at = { item_id: reasoningItemId(output_index), output_index, summary_index: 0 };
          return [
            event('response.output_item.added', {
              output_index,
              item: { id: at.item_id, type: 'reasoning', summary: [] },
            }),
            event('response.reasoning_summary_part.added', { ...at, part: { type: 'summary_text', text: '' } }),
            ...splitTokens(part.text).map((delta) =>
              event('response.reasoning_summary_text.delta', { ...at, delta }, true),
            ),
            event('response.reasoning_summary_text.done', { ...at, text: part.text }),
            event('response.reasoning_summary_part.done', { ...at, part: { type: 'summary_text', text: part.text } }),
            event('response.output_item.done', { output_index, item: done }),
          ];
        }
        case 'tool-call': {
          const at = { item_id: `fc_${output_index}`, output_index };
          const args = JSON.stringify(part.input);
          return [
            event('response.output_item.added', {
              output_index,
              item: {
                id: at.item_id,
                type: 'function_call',
                status: 'in_progress',
                arguments: '',
                call_id: part.toolCallId,
                name: part.toolName,
              },
            }),
            ...splitChunks(args, ARGUMENT_CHUNK_CHARS).map((delta) =>
              event('response.function_call_arguments.delta', { ...at, delta }, true),
            ),
            event('response.function_call_arguments.done', { ...at, arguments: args }),
            event('response.output_item.done', { output_index, item: done }),
          ];
        }
        case 'web-search': {
          const at = { item_id: part.id, output_index };
          return [
            event('response.output_item.added', {
              output_index,
              item: { id: part.id, type: 'web_search_call', status: 'in_progress' },
            }),
            event('response.web_search_call.in_progress', at),
            event('response.web_search_call.searching', at),
            event('response.web_search_call.completed', at),
            event('response.output_item.done', { output_index, item: done }, true),
          ];
        }
        case 'code-execution': {
          const at = { item_id: part.id, output_index };
          return [
            event('response.output_item.added', {
              output_index,
              item: {
                id: part.id,
                type: 'code_interpreter_call',
                status: 'in_progress',
                code: '',
                container_id: CONTAINER_ID,
                outputs: null,
              },
            }),
            event('response.code_interpreter_call.in_progress', at),
            ...splitTokens(part.code).map((delta) =>
              event('response.code_interpreter_call_code.delta', { ...at, delta }, true),
            ),
            event('response.code_interpreter_call_code.done', { ...at, code: part.code }),
            event('response.code_interpreter_call.interpreting', at),
            event('response.code_interpreter_call.completed', at),
            event('response.output_item.done', { output_index, item: done }, true),
          ];
        }
        case 'image': {
          const at = { item_id: part.id, output_index };
          const settings = { ...IMAGE_SETTINGS, output_format: imageFormat(part) };
          return [
            event('response.output_item.added', {
              output_index,
              item: { id: part.id, type: 'image_generation_call', status: 'in_progress' },
            }),
            event('response.image_generation_call.in_progress', at),
            event('response.image_generation_call.generating', at),
            ...(part.partials ?? []).map((partial_image_b64, partial_image_index) =>
              event(
                'response.image_generation_call.partial_image',
                { ...at, partial_image_index, partial_image_b64, ...settings },
                true,
              ),
            ),
            event('response.image_generation_call.completed', at),
            event('response.output_item.done', { output_index, item: done }, true),
          ];
        }
      }
    };

    const { usage } = scenario;
    const incomplete = incompleteReasons[scenario.finishReason];
    const items = scenario.parts.flatMap(item);
    const final = {
      ...response(incomplete === undefined ? 'completed' : 'incomplete', scenario.parts.map(doneItem)),
      ...(incomplete !== undefined && { incomplete_details: { reason: incomplete } }),
      usage: {
        input_tokens: usage.inputTokens,
        input_tokens_details: { cached_tokens: usage.cachedInputTokens ?? 0 },
        output_tokens: usage.outputTokens,
        output_tokens_details: { reasoning_tokens: usage.reasoningTokens ?? 0 },
        total_tokens: usage.inputTokens + usage.outputTokens,
      },
    };
    return [
      event('response.created', { response: response('in_progress', []) }),
      event('response.in_progress', { response: response('in_progress', []) }),
      ...items,
      ...(terminate
        ? [event(incomplete === undefined ? 'response.completed' : 'response.incomplete', { response: final })]
        : []),
    ];
  },
  expected(scenario) {
    const incomplete = incompleteReasons[scenario.finishReason];
    // `completed` says nothing of tool calls: a decoder can only see whether the output ended on one.
    const completedReason: FinishReason = endsOnToolCall(scenario) ? 'tool-calls' : 'stop';
    return doneMessage(scenario, {
      finishReason: incomplete === undefined ? completedReason : scenario.finishReason,
      rawFinishReason: incomplete ?? 'completed',
      usage: reportedUsage(scenario.usage),
      parts: expectedParts(scenario.parts, {
        signatures: true,
        joinNeighbours: false,
        reasoningItemId,
        citations: 'after-text',
        providerParts,
      }),
    });
  },
  // Finish and usage travel only in the terminal event.
  unterminated: () => ({}),
};
