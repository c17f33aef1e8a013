import type { FinishReason } from '@rill/core';
import { splitChunks, splitTokens } from '../scenario/tokens.js';
import type { MockPart } from '../scenario/types.js';
import { doneMessage, keepFinishAndUsage, reportedUsage } from './expected-message.js';
import { ARGUMENT_CHUNK_CHARS, expectedParts } from './expected-parts.js';
import type { ProviderWire, ResolvedScenario, WireEvent } from './types.js';

const finishReasons: Record<Exclude<FinishReason, 'error' | 'other'>, string> = {
  stop: 'stop',
  length: 'length',
  'tool-calls': 'tool_calls',
  'content-filter': 'content_filter',
};

/** The fixed `created` timestamp keeps re-encoding (for Last-Event-ID resumes) byte-identical. */
const CREATED = 1764000000;

const envelope = (scenario: ResolvedScenario) => ({
  id: scenario.id,
  object: 'chat.completion.chunk',
  created: CREATED,
  model: scenario.model,
  system_fingerprint: 'fp_rill_mock',
});

function chunker(scenario: ResolvedScenario) {
  const head = envelope(scenario);
  return (delta: object, token: boolean, finish: string | null = null): WireEvent => ({
    data: JSON.stringify({ ...head, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] }),
    token,
  });
}

/** OpenAI Chat Completions (`POST /v1/chat/completions`): chunks of `choices[0].delta`, a usage chunk, `[DONE]`. */
export const openAIChatWire: ProviderWire = {
  provider: 'openai-chat',
  lineEnding: '\n',
  defaultId: 'chatcmpl-mock-1',
  defaultModel: 'gpt-5.2',
  encode(scenario, terminate) {
    const chunk = chunker(scenario);
    let toolIndex = 0;
    // Annotation offsets count from the start of the answer's content.
    let contentLength = 0;
    const part = (p: MockPart): WireEvent[] => {
      switch (p.type) {
        case 'text': {
          const at = contentLength;
          contentLength += p.text.length;
          const annotations = (p.citations ?? []).map((c) => ({
            type: 'url_citation',
            url_citation: {
              url: c.source.url,
              title: c.source.title,
              start_index: at + c.start,
              end_index: at + c.end,
            },
          }));
          // Search models send the annotations once the text they cite is out.
          return [
            ...splitTokens(p.text).map((content) => chunk({ content }, true)),
            ...(annotations.length > 0 ? [chunk({ annotations }, false)] : []),
          ];
        }
        case 'reasoning':
          // OpenAI-compatible servers (DeepSeek, vLLM, OpenRouter) stream reasoning as reasoning_content; there is no signature.
          return splitTokens(p.text).map((reasoning_content) => chunk({ reasoning_content }, true));
        case 'tool-call': {
          const index = toolIndex++;
          return [
            chunk(
              {
                tool_calls: [
                  { index, id: p.toolCallId, type: 'function', function: { name: p.toolName, arguments: '' } },
                ],
              },
              false,
            ),
            ...splitChunks(JSON.stringify(p.input), ARGUMENT_CHUNK_CHARS).map((args) =>
              chunk({ tool_calls: [{ index, function: { arguments: args } }] }, true),
            ),
          ];
        }
        default:
          // Chat Completions has no provider-run tools or generated images: the answer's citations carry its sources.
          return [];
      }
    };
    const { usage } = scenario;
    const usageChunk: WireEvent = {
      data: JSON.stringify({
        ...envelope(scenario),
        choices: [],
        usage: {
          prompt_tokens: usage.inputTokens,
          completion_tokens: usage.outputTokens,
          total_tokens: usage.inputTokens + usage.outputTokens,
          prompt_tokens_details: { cached_tokens: usage.cachedInputTokens ?? 0 },
          completion_tokens_details: { reasoning_tokens: usage.reasoningTokens ?? 0 },
        },
      }),
      token: false,
    };
    return [
      chunk({ role: 'assistant', content: '', refusal: null }, false),
      ...scenario.parts.flatMap(part),
      chunk({}, false, finishReasons[scenario.finishReason]),
      usageChunk,
      ...(terminate ? [{ data: '[DONE]', token: false }] : []),
    ];
  },
  expected(scenario) {
    return doneMessage(scenario, {
      finishReason: scenario.finishReason,
      rawFinishReason: finishReasons[scenario.finishReason],
      usage: reportedUsage(scenario.usage),
      parts: expectedParts(scenario.parts, {
        signatures: false,
        joinNeighbours: true,
        citations: 'after-text',
        providerParts: () => [],
      }),
    });
  },
  // The finish chunk and the usage chunk come before [DONE].
  unterminated: keepFinishAndUsage,
};
