import type { StreamPart } from '../message/types.js';
import { continues, createPartialArgsWriter, partialArgs, type PartialArgsWriter } from './gemini-partial-args.js';
import type { AnswerText } from './gemini-grounding.js';
import { obj, str, type Json } from './payload.js';

/** The parts of Gemini candidate 0, decoded one at a time across chunks. */
export interface GeminiParts {
  decode(part: Json): StreamPart[];
  /** Closes a streamed function call still open (its stream or its candidate ended). */
  close(): StreamPart[];
  /** Whether the last content was a function call (a `STOP` then means tool calls). */
  endedOnCall(): boolean;
  /** The answer's text parts so far, for placing grounding. */
  texts(): readonly AnswerText[];
}

// Part keys that carry nothing to decode on their own.
const QUIET_KEYS = new Set(['thought', 'thoughtSignature', 'partMetadata']);

interface CodeCall {
  toolCallId: string;
  results: Json[];
}

/**
 * Decodes Gemini parts: text and thoughts (grouped in segments, so the message keeps the wire
 * order), function calls whole or streamed (`partialArgs` until a `functionCall` without
 * `willContinue`), code the model ran (`executableCode` + the `codeExecutionResult`s after it) as
 * a provider-executed `code_execution` call, and `inlineData` / `fileData` files. A part's
 * `thoughtSignature` becomes the signature of the thoughts just before it, or of an empty
 * reasoning part placed before the part it came on. Unknown part kinds are counted as ignored.
 *
 * @example
 * const parts = createGeminiParts(() => responseId);
 * for (const p of candidate.content.parts) out.push(...parts.decode(p));
 */
export function createGeminiParts(responseId: () => string): GeminiParts {
  let segment = 0;
  let lastKind = '';
  let calls = 0;
  let files = 0;
  let endedOnCall = false;
  let streamed: { toolCallId: string; args: PartialArgsWriter } | undefined;
  let code: CodeCall | undefined;
  const codeCalls = new Map<string, CodeCall>();
  const texts: AnswerText[] = [];

  const segmentId = (kind: string): string => {
    if (kind !== lastKind) {
      segment += 1;
      lastKind = kind;
    }
    return `${kind}-${segment}`;
  };

  const nextId = (kind: string): string => `${responseId() || 'gemini'}-${kind}-${kind === 'call' ? ++calls : ++files}`;

  const close = (): StreamPart[] => {
    if (streamed === undefined) return [];
    const { toolCallId, args } = streamed;
    streamed = undefined;
    const rest = args.end();
    return [
      ...(rest === '' ? [] : [{ type: 'tool-input-delta', toolCallId, delta: rest } as const]),
      { type: 'tool-input-end', toolCallId },
    ];
  };

  const argsDeltas = (call: Json): StreamPart[] => {
    if (streamed === undefined) return [];
    const { toolCallId, args } = streamed;
    return partialArgs(call).flatMap((arg): StreamPart[] => {
      const { text, placed } = args.push(arg);
      const delta: StreamPart[] = text === '' ? [] : [{ type: 'tool-input-delta', toolCallId, delta: text }];
      return placed ? delta : [...delta, { type: 'ignored', what: 'partialArgs:unplaceable' }];
    });
  };

  const functionCall = (call: Json): StreamPart[] => {
    endedOnCall = true;
    const name = str(call, 'name');
    // Without a name, the part continues (or, without willContinue, ends) the call being streamed.
    if (name === undefined) {
      if (streamed === undefined) return [{ type: 'ignored', what: 'part:functionCall' }];
      const deltas = argsDeltas(call);
      return continues(call) ? deltas : [...deltas, ...close()];
    }
    const out = close();
    segmentId('call');
    const toolCallId = str(call, 'id') ?? nextId('call');
    out.push({ type: 'tool-input-start', toolCallId, toolName: name });
    if (continues(call) || partialArgs(call).length > 0) {
      streamed = { toolCallId, args: createPartialArgsWriter() };
      out.push(...argsDeltas(call));
      return continues(call) ? out : [...out, ...close()];
    }
    out.push(
      { type: 'tool-input-delta', toolCallId, delta: JSON.stringify(call['args'] ?? {}) },
      { type: 'tool-input-end', toolCallId },
    );
    return out;
  };

  const executableCode = (executable: Json): StreamPart[] => {
    segmentId('code');
    endedOnCall = false;
    const toolCallId = str(executable, 'id') ?? nextId('call');
    code = { toolCallId, results: [] };
    codeCalls.set(toolCallId, code);
    const input = JSON.stringify({
      language: str(executable, 'language') ?? 'PYTHON',
      code: str(executable, 'code') ?? '',
    });
    return [
      {
        type: 'tool-input-start',
        toolCallId,
        toolName: 'code_execution',
        providerExecuted: true,
        providerData: { type: 'executableCode' },
      },
      { type: 'tool-input-delta', toolCallId, delta: input },
      { type: 'tool-input-end', toolCallId },
    ];
  };

  const codeResult = (result: Json): StreamPart[] => {
    const id = str(result, 'id');
    const call = (id === undefined ? undefined : codeCalls.get(id)) ?? code;
    if (call === undefined) return [{ type: 'ignored', what: 'part:codeExecutionResult' }];
    call.results = [
      ...call.results,
      { outcome: str(result, 'outcome') ?? 'OUTCOME_UNSPECIFIED', output: str(result, 'output') ?? '' },
    ];
    const outcome = str(result, 'outcome');
    const errorText = outcome === 'OUTCOME_OK' ? undefined : str(result, 'output') || (outcome ?? 'The code failed.');
    return [
      {
        type: 'tool-output',
        toolCallId: call.toolCallId,
        output: call.results,
        ...(errorText !== undefined && { errorText }),
      },
    ];
  };

  const file = (data: Json, key: 'inlineData' | 'fileData'): StreamPart[] => {
    segmentId('file');
    endedOnCall = false;
    const mediaType = str(data, 'mimeType') ?? 'application/octet-stream';
    const id = nextId('file');
    return [
      {
        type: 'file',
        file:
          key === 'inlineData'
            ? { id, mediaType, data: str(data, 'data') ?? '' }
            : { id, mediaType, url: str(data, 'fileUri') ?? '' },
      },
    ];
  };

  const text = (value: string, thought: boolean): StreamPart[] => {
    endedOnCall = false;
    if (thought) return [{ type: 'reasoning-delta', id: segmentId('thought'), delta: value }];
    const id = segmentId('text');
    const last = texts.at(-1);
    if (last?.id === id) last.text += value;
    else texts.push({ id, text: value });
    return [{ type: 'text-delta', id, delta: value }];
  };

  const decode = (part: Json): StreamPart[] => {
    const out: StreamPart[] = [];
    const signature = str(part, 'thoughtSignature');
    // The signature joins thoughts streaming right before this part; else an empty reasoning part placed just before it.
    if (signature) out.push({ type: 'reasoning-signature', id: segmentId('thought'), signature });
    const call = obj(part, 'functionCall');
    const executable = obj(part, 'executableCode');
    const result = obj(part, 'codeExecutionResult');
    const inline = obj(part, 'inlineData');
    const fileData = obj(part, 'fileData');
    const value = str(part, 'text');
    if (call !== undefined) out.push(...functionCall(call));
    else if (executable !== undefined) out.push(...executableCode(executable));
    else if (result !== undefined) out.push(...codeResult(result));
    else if (inline !== undefined) out.push(...file(inline, 'inlineData'));
    else if (fileData !== undefined) out.push(...file(fileData, 'fileData'));
    else if (value !== undefined) {
      if (value !== '') out.push(...text(value, part['thought'] === true));
    } else {
      const unknown = Object.keys(part).find((key) => !QUIET_KEYS.has(key));
      if (unknown !== undefined) out.push({ type: 'ignored', what: `part:${unknown}` });
    }
    return out;
  };

  return { decode, close, endedOnCall: () => endedOnCall, texts: () => texts };
}
