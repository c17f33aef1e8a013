import type { Part, ToolCallPart } from '../../message/types.js';
import { defined, isJson } from '../payload.js';
import type { Conversation, ConversationMessage, RequestBody } from './conversation.js';
import { toolCallArguments } from './tool-payload.js';

type GeminiPart = Record<string, unknown>;
type Content = { role: 'user' | 'model'; parts: GeminiPart[] };

/** A code execution Gemini ran, as its `executableCode` part and the `codeExecutionResult` parts after it. */
function codeExecutionParts(part: ToolCallPart): GeminiPart[] {
  if (part.providerData?.['type'] !== 'executableCode') return [];
  const input = isJson(part.input) ? part.input : {};
  const results = Array.isArray(part.output) ? part.output.filter(isJson) : [];
  return [
    { executableCode: { language: input['language'] ?? 'PYTHON', code: input['code'] ?? '' } },
    ...results.map((result) => ({ codeExecutionResult: result })),
  ];
}

/** The Gemini parts of one message part (a source, which comes from grounding, has none). */
function geminiParts(part: Exclude<Part, { type: 'reasoning' }>): GeminiPart[] {
  switch (part.type) {
    case 'text':
      return [{ text: part.text }];
    case 'tool-call':
      if (part.providerExecuted) return codeExecutionParts(part);
      return [{ functionCall: { name: part.toolName, args: toolCallArguments(part) } }];
    case 'file':
      if (part.partial) return [];
      return [
        part.data !== undefined
          ? { inlineData: { mimeType: part.mediaType, data: part.data } }
          : { fileData: { mimeType: part.mediaType, fileUri: part.url ?? '' } },
      ];
    case 'source':
      return [];
  }
}

/** Model parts; a reasoning signature rides on the part after the thoughts (the one it came on), else the one before. */
function modelParts(parts: Part[]): GeminiPart[] {
  const out: GeminiPart[] = [];
  let signature: string | undefined;
  for (const part of parts) {
    if (part.type === 'reasoning') {
      // Thought text is not sent back; only its signature carries the model's context.
      signature = part.signature ?? signature;
      continue;
    }
    const [first, ...rest] = geminiParts(part);
    if (first === undefined) continue;
    out.push(signature === undefined ? first : { ...first, thoughtSignature: signature }, ...rest);
    signature = undefined;
  }
  const last = out.at(-1);
  if (signature !== undefined && last !== undefined) out[out.length - 1] = { ...last, thoughtSignature: signature };
  return out;
}

function content(message: ConversationMessage, toolNames: Map<string, string>): Content {
  switch (message.role) {
    case 'user':
      return { role: 'user', parts: [{ text: message.content }] };
    case 'assistant':
      for (const p of message.parts)
        if (p.type === 'tool-call' && !p.providerExecuted) toolNames.set(p.toolCallId, p.toolName);
      return { role: 'model', parts: modelParts(message.parts) };
    case 'tool':
      // Gemini matches results to calls by name; its documented keys are `output` and `error`.
      return {
        role: 'user',
        parts: message.results.map((r) => ({
          functionResponse: {
            name: toolNames.get(r.toolCallId) ?? r.toolCallId,
            response: r.error !== undefined ? { error: r.error } : { output: r.output ?? null },
          },
        })),
      };
  }
}

/**
 * The Gemini `streamGenerateContent` body (the model is in the path). Consecutive turns of one role
 * merge; tool schemas go as `parametersJsonSchema`, which takes full JSON Schema.
 *
 * @example
 * fetch(`${base}${providerRequestPath('gemini', model)}`, { method: 'POST', body: JSON.stringify(toGeminiRequest(conversation)) });
 */
export function toGeminiRequest(conversation: Conversation): RequestBody {
  const toolNames = new Map<string, string>();
  const contents: Content[] = [];
  for (const message of conversation.messages) {
    const next = content(message, toolNames);
    if (next.parts.length === 0) continue;
    const last = contents.at(-1);
    if (last?.role === next.role) last.parts.push(...next.parts);
    else contents.push(next);
  }
  const reasoning = conversation.reasoning;
  const generationConfig = defined({
    maxOutputTokens: conversation.maxTokens,
    temperature: conversation.temperature,
    thinkingConfig:
      reasoning === undefined ? undefined : defined({ thinkingBudget: reasoning.budgetTokens, includeThoughts: true }),
  });
  return defined({
    contents,
    systemInstruction: conversation.system === undefined ? undefined : { parts: [{ text: conversation.system }] },
    tools:
      conversation.tools === undefined
        ? undefined
        : [
            {
              functionDeclarations: conversation.tools.map((t) =>
                defined({ name: t.name, description: t.description, parametersJsonSchema: t.inputSchema }),
              ),
            },
          ],
    generationConfig: Object.keys(generationConfig).length === 0 ? undefined : generationConfig,
  });
}
