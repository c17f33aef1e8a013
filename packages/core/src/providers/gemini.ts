import type { StreamPart } from '../message/types.js';
import type { SSEEvent } from '../sse/index.js';
import { unterminated, type ProviderDecoder } from './decoder.js';
import { geminiFinishReason } from './finish-reasons.js';
import { isJson, list, num, obj, parsePayload, str, type Json } from './payload.js';
import { providerError } from './provider-error.js';
import { geminiUsage } from './usage.js';

/**
 * Decodes Gemini `streamGenerateContent?alt=sse` chunks: `candidates[0].content.parts` text, thoughts
 * and whole function calls. Function calls without an `id` get one generated. A part's
 * `thoughtSignature` becomes the signature of the thoughts streaming just before it, or of an empty
 * reasoning part opened right before it, so it goes back on the part it came on. The terminator is the
 * candidate's `finishReason`, after which a trailing usage chunk is still read.
 *
 * @example
 * const decoder = createGeminiDecoder();
 * for await (const e of readSSE(res)) for (const part of decoder.decode(e)) use(part);
 */
export function createGeminiDecoder(): ProviderDecoder {
  let started = false;
  let finished = false;
  let segment = 0;
  let lastKind = '';
  let calls = 0;
  let responseId = '';
  // Whether the last content was a function call (a signature-only part does not change it).
  let endedOnCall = false;

  const segmentId = (kind: string): string => {
    if (kind !== lastKind) {
      segment += 1;
      lastKind = kind;
    }
    return `${kind}-${segment}`;
  };

  const decodePart = (part: Json): StreamPart[] => {
    const out: StreamPart[] = [];
    const signature = str(part, 'thoughtSignature');
    // The signature joins thoughts streaming right before this part; else an empty reasoning part placed just before it.
    if (signature) out.push({ type: 'reasoning-signature', id: segmentId('thought'), signature });
    const call = obj(part, 'functionCall');
    const text = str(part, 'text');
    if (call !== undefined) {
      segmentId('call');
      endedOnCall = true;
      calls += 1;
      const toolCallId = str(call, 'id') ?? `${responseId || 'gemini'}-call-${calls}`;
      out.push(
        { type: 'tool-input-start', toolCallId, toolName: str(call, 'name') ?? '' },
        { type: 'tool-input-delta', toolCallId, delta: JSON.stringify(call['args'] ?? {}) },
        { type: 'tool-input-end', toolCallId },
      );
    } else if (text) {
      endedOnCall = false;
      if (part['thought'] === true) {
        out.push({ type: 'reasoning-delta', id: segmentId('thought'), delta: text });
      } else {
        out.push({ type: 'text-delta', id: segmentId('text'), delta: text });
      }
    }
    return out;
  };

  const decodeJson = (json: Json): StreamPart[] => {
    const error = json['error'];
    if (isJson(error)) return [providerError(str(error, 'message') ?? 'Gemini sent an error payload.', [str(error, 'status')], num(error, 'code'))];
    const out: StreamPart[] = [];
    if (!started) {
      started = true;
      responseId = str(json, 'responseId') ?? '';
      out.push({ type: 'message-start', id: str(json, 'responseId'), model: str(json, 'modelVersion') });
    }
    const candidate = list(json, 'candidates')[0];
    for (const part of candidate === undefined ? [] : list(obj(candidate, 'content') ?? {}, 'parts')) out.push(...decodePart(part));
    // A blocked prompt has no candidate, only promptFeedback.blockReason: it is the last chunk.
    const raw = (candidate === undefined ? undefined : str(candidate, 'finishReason')) ?? str(obj(json, 'promptFeedback') ?? {}, 'blockReason');
    if (raw !== undefined && !finished) {
      finished = true;
      const reason = candidate === undefined ? 'content-filter' : geminiFinishReason(raw, endedOnCall);
      out.push({ type: 'finish', finishReason: reason, rawFinishReason: raw });
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
