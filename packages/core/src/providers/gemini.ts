import type { StreamPart } from '../message/types.js';
import type { SSEEvent } from '../sse/index.js';
import { unterminated, type ProviderDecoder } from './decoder.js';
import { geminiFinishReason } from './finish-reasons.js';
import { groundingOf, groundingParts } from './gemini-grounding.js';
import { createGeminiParts } from './gemini-parts.js';
import { isJson, list, num, obj, parsePayload, str, type Json } from './payload.js';
import { providerError } from './provider-error.js';
import { geminiUsage } from './usage.js';

/**
 * Decodes Gemini `streamGenerateContent?alt=sse` chunks: the parts of candidate 0 (see
 * {@link createGeminiParts}), its grounding metadata as sources and citations, usage, and its
 * finish reason. Gemini sends a `finishReason` on several chunks (a built-in tool's round ends
 * with one, and the stream goes on): each replaces the one before, so the last is the answer's.
 * The terminator is a candidate's `finishReason`, after which the stream is read to its end.
 * Candidates other than 0 are counted as ignored, never mixed in.
 *
 * @example
 * const decoder = createGeminiDecoder();
 * for await (const e of readSSE(res)) for (const part of decoder.decode(e)) use(part);
 */
export function createGeminiDecoder(): ProviderDecoder {
  let started = false;
  let finished = false;
  let responseId = '';
  const parts = createGeminiParts(() => responseId);
  const cited = new Set<string>();

  const candidateParts = (candidate: Json): StreamPart[] => {
    const out: StreamPart[] = [];
    for (const part of list(obj(candidate, 'content') ?? {}, 'parts')) out.push(...parts.decode(part));
    const grounding = groundingOf(candidate);
    if (grounding !== undefined) out.push(...groundingParts(grounding, parts.texts(), cited));
    const raw = str(candidate, 'finishReason');
    if (raw !== undefined) {
      finished = true;
      out.push(...parts.close(), {
        type: 'finish',
        finishReason: geminiFinishReason(raw, parts.endedOnCall()),
        rawFinishReason: raw,
      });
    }
    return out;
  };

  const decodeJson = (json: Json): StreamPart[] => {
    const error = json['error'];
    if (isJson(error))
      return [
        providerError(
          str(error, 'message') ?? 'Gemini sent an error payload.',
          [str(error, 'status')],
          num(error, 'code'),
        ),
      ];
    const out: StreamPart[] = [];
    if (!started) {
      started = true;
      responseId = str(json, 'responseId') ?? '';
      out.push({ type: 'message-start', id: str(json, 'responseId'), model: str(json, 'modelVersion') });
    }
    const candidates = list(json, 'candidates');
    for (const candidate of candidates) {
      const index = num(candidate, 'index') ?? 0;
      out.push(
        ...(index === 0 ? candidateParts(candidate) : [{ type: 'ignored', what: `candidate:${index}` } as const]),
      );
    }
    // A blocked prompt has no candidate, only promptFeedback.blockReason: it is the last chunk.
    const blocked = candidates.length === 0 ? str(obj(json, 'promptFeedback') ?? {}, 'blockReason') : undefined;
    if (blocked !== undefined) {
      finished = true;
      out.push({ type: 'finish', finishReason: 'content-filter', rawFinishReason: blocked });
    }
    const usage = obj(json, 'usageMetadata');
    if (usage !== undefined) out.push({ type: 'usage', usage: geminiUsage(usage) });
    return out;
  };

  return {
    decode(event: SSEEvent): StreamPart[] {
      const payload = parsePayload('gemini', event.data);
      return 'error' in payload ? [payload.error] : decodeJson(payload.json);
    },
    end: (failure) => (finished ? { type: 'done' } : unterminated('finishReason', failure)),
  };
}
