import type { FinishReason, Part, Usage } from '@rill/core';
import { groupsOf, splitChunks, splitTokens } from '../scenario/tokens.js';
import type { MockPart, MockProviderPart, MockUsage } from '../scenario/types.js';
import { doneMessage } from './expected-message.js';
import { ARGUMENT_CHUNK_CHARS, expectedParts } from './expected-parts.js';
import { groundingMetadata } from './gemini-grounding.js';
import { streamedArgumentParts } from './gemini-partial-args.js';
import type { ProviderWire, WireEvent } from './types.js';

/** Gemini streams several tokens per chunk. */
const TOKENS_PER_CHUNK = 4;

const finishReasons: Record<Exclude<FinishReason, 'error' | 'other'>, string> = {
  stop: 'STOP',
  'tool-calls': 'STOP',
  length: 'MAX_TOKENS',
  'content-filter': 'SAFETY',
};

type GeminiPart = Record<string, unknown>;

/** One chunk's part and the tokens it carries, split as the usage counts split them. */
interface GeminiChunk {
  part: GeminiPart;
  candidateTokens: number;
  thoughtTokens: number;
}

/** Gemini parts for the scenario; a thought's signature rides on the part after it, as Gemini sends it. */
function geminiParts(parts: readonly MockPart[]): GeminiChunk[] {
  const out: GeminiChunk[] = [];
  let signature: string | undefined;
  const push = (part: GeminiPart, candidateTokens: number, thoughtTokens = 0): void => {
    out.push({
      part: signature === undefined ? part : { ...part, thoughtSignature: signature },
      candidateTokens,
      thoughtTokens,
    });
    signature = undefined;
  };
  for (const part of parts) {
    switch (part.type) {
      case 'text':
        for (const tokens of groupsOf(splitTokens(part.text), TOKENS_PER_CHUNK))
          push({ text: tokens.join('') }, tokens.length);
        break;
      case 'reasoning':
        for (const tokens of groupsOf(splitTokens(part.text), TOKENS_PER_CHUNK))
          push({ text: tokens.join(''), thought: true }, 0, tokens.length);
        signature = part.signature;
        break;
      case 'tool-call':
        if (part.streamArguments === true) {
          push({ functionCall: { id: part.toolCallId, name: part.toolName, willContinue: true } }, 0);
          for (const streamed of streamedArgumentParts(part.input)) push(streamed, 1);
        } else
          push(
            { functionCall: { id: part.toolCallId, name: part.toolName, args: part.input } },
            splitChunks(JSON.stringify(part.input), ARGUMENT_CHUNK_CHARS).length,
          );
        break;
      case 'code-execution':
        // Gemini names neither the code nor its result: they pair by order.
        push({ executableCode: { language: 'PYTHON', code: part.code } }, splitTokens(part.code).length);
        push({ codeExecutionResult: { outcome: 'OUTCOME_OK', output: part.output } }, 0);
        break;
      case 'image':
        push({ inlineData: { mimeType: part.mediaType, data: part.data } }, 1);
        break;
      case 'web-search':
        // Only the query goes out, in the grounding metadata; the answer's citations carry the pages.
        break;
    }
  }
  // A signature with nothing after it goes out on an empty text part.
  if (signature !== undefined) push({ text: '' }, 0);
  return out;
}

function usageMetadata(usage: MockUsage): Record<string, number> {
  const reasoning = usage.reasoningTokens ?? 0;
  const cached = usage.cachedInputTokens ?? 0;
  return {
    promptTokenCount: usage.inputTokens,
    candidatesTokenCount: usage.outputTokens - reasoning,
    ...(reasoning > 0 && { thoughtsTokenCount: reasoning }),
    ...(cached > 0 && { cachedContentTokenCount: cached }),
    totalTokenCount: usage.inputTokens + usage.outputTokens,
  };
}

/** The counts of a chunk on the way: the tokens sent so far, never past the final counts. */
function runningUsageMetadata(
  usage: MockUsage,
  candidatesSoFar: number,
  thoughtsSoFar: number,
): Record<string, number> {
  const reasoning = usage.reasoningTokens ?? 0;
  const candidates = Math.min(candidatesSoFar, usage.outputTokens - reasoning);
  const thoughts = Math.min(thoughtsSoFar, reasoning);
  return {
    promptTokenCount: usage.inputTokens,
    candidatesTokenCount: candidates,
    ...(thoughts > 0 && { thoughtsTokenCount: thoughts }),
    totalTokenCount: usage.inputTokens + candidates + thoughts,
  };
}

function expectedUsage(usage: MockUsage): Usage {
  const reasoning = usage.reasoningTokens ?? 0;
  const cached = usage.cachedInputTokens ?? 0;
  return {
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    ...(reasoning > 0 && { reasoningTokens: reasoning }),
    ...(cached > 0 && { cachedInputTokens: cached }),
  };
}

/** What Gemini's provider-run parts decode to; without ids on the wire, calls and files are named by the response id and their order. */
function providerPartsOf(responseId: string): (part: MockProviderPart) => Part[] {
  let calls = 0;
  let files = 0;
  return (part) => {
    switch (part.type) {
      case 'code-execution': {
        const input = { language: 'PYTHON', code: part.code };
        return [
          {
            type: 'tool-call',
            toolCallId: `${responseId}-call-${++calls}`,
            toolName: 'code_execution',
            inputText: JSON.stringify(input),
            input,
            state: 'output-available',
            output: [{ outcome: 'OUTCOME_OK', output: part.output }],
            providerExecuted: true,
            providerData: { type: 'executableCode' },
          },
        ];
      }
      case 'image':
        return [{ type: 'file', id: `${responseId}-file-${++files}`, mediaType: part.mediaType, data: part.data }];
      case 'web-search':
        return [];
    }
  };
}

/** Gemini (`POST /v1beta/models/{model}:streamGenerateContent?alt=sse`): whole-response chunks, CRLF framing, `finishReason` ends it. */
export const geminiWire: ProviderWire = {
  provider: 'gemini',
  lineEnding: '\r\n',
  defaultId: 'rill-mock-response-1',
  defaultModel: 'gemini-2.5-flash',
  encode(scenario, terminate) {
    const grounding = groundingMetadata(scenario.parts);
    const chunk = (part: GeminiPart | undefined, usage: Record<string, number>, last: boolean): WireEvent => {
      const candidate = {
        content: { parts: part === undefined ? [] : [part], role: 'model' },
        index: 0,
        ...(last && terminate && { finishReason: finishReasons[scenario.finishReason] }),
        ...(last && grounding !== undefined && { groundingMetadata: grounding }),
      };
      return {
        data: JSON.stringify({
          candidates: [candidate],
          usageMetadata: usage,
          modelVersion: scenario.model,
          responseId: scenario.id,
        }),
        token: part !== undefined,
      };
    };
    const chunks = geminiParts(scenario.parts);
    if (chunks.length === 0) return [chunk(undefined, usageMetadata(scenario.usage), true)];
    // Running counts on the way, the final counts on the last chunk (later usage replaces earlier).
    let candidates = 0;
    let thoughts = 0;
    return chunks.map(({ part, candidateTokens, thoughtTokens }, index) => {
      candidates += candidateTokens;
      thoughts += thoughtTokens;
      const last = index === chunks.length - 1;
      return chunk(
        part,
        last ? usageMetadata(scenario.usage) : runningUsageMetadata(scenario.usage, candidates, thoughts),
        last,
      );
    });
  },
  expected(scenario) {
    // STOP says nothing of tool calls: a decoder can only see whether the candidate ended on one.
    const stopped = scenario.finishReason === 'stop' || scenario.finishReason === 'tool-calls';
    return doneMessage(scenario, {
      finishReason: stopped
        ? scenario.parts.at(-1)?.type === 'tool-call'
          ? 'tool-calls'
          : 'stop'
        : scenario.finishReason,
      rawFinishReason: finishReasons[scenario.finishReason],
      usage: expectedUsage(scenario.usage),
      parts: expectedParts(scenario.parts, {
        signatures: true,
        joinNeighbours: true,
        citations: 'at-end',
        providerParts: providerPartsOf(scenario.id),
      }),
    });
  },
  // The last chunk still arrives, with its usage, only without finishReason.
  unterminated: ({ usage }) => ({ usage }),
};
