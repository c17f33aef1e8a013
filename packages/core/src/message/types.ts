import type { RillErrorValue } from '../errors.js';

export type ProviderName = 'anthropic' | 'openai-chat' | 'openai-responses' | 'gemini';

export type FinishReason = 'stop' | 'length' | 'tool-calls' | 'content-filter' | 'error' | 'other';

export interface Usage {
  /** Every input token, cached ones included. */
  inputTokens?: number;
  /** Every output token, reasoning included. */
  outputTokens?: number;
  /** The part of `inputTokens` read from cache. */
  cachedInputTokens?: number;
  /** The part of `outputTokens` spent on reasoning. */
  reasoningTokens?: number;
}

export interface TextPart {
  type: 'text';
  text: string;
}

export interface ReasoningPart {
  type: 'reasoning';
  text: string;
  signature?: string;
  redacted?: boolean;
  /** The provider's id for the reasoning item (OpenAI Responses `rs_…`), which must go back with its signature. */
  itemId?: string;
}

export interface ToolCallPart {
  type: 'tool-call';
  toolCallId: string;
  toolName: string;
  /** The raw argument text as it has streamed so far. */
  inputText: string;
  /** The partial value while streaming (from @rill/json), the parsed value once complete. */
  input: unknown;
  state: 'input-streaming' | 'input-available' | 'output-available' | 'output-error';
  output?: unknown;
  errorText?: string;
}

export type Part = TextPart | ReasoningPart | ToolCallPart;

export type MessageStatus = 'streaming' | 'done' | 'interrupted' | 'error' | 'aborted';

/** One assistant message, the same whatever the provider. Snapshots are immutable. */
export interface Message {
  id?: string;
  model?: string;
  role: 'assistant';
  parts: Part[];
  status: MessageStatus;
  finishReason?: FinishReason;
  rawFinishReason?: string;
  usage?: Usage;
  error?: RillErrorValue;
}

/**
 * What a provider decoder emits: one small event per thing that happened on the wire.
 * `id` routes deltas to their part (a provider may interleave blocks).
 */
export type StreamPart =
  | { type: 'message-start'; id?: string; model?: string }
  | { type: 'text-delta'; id: string; delta: string }
  | { type: 'reasoning-delta'; id: string; delta: string }
  /** `itemId`: the provider's id of the reasoning item, where handing it back needs one (OpenAI Responses). */
  | { type: 'reasoning-signature'; id: string; signature: string; itemId?: string }
  /** Reasoning the provider encrypted: kept (as `text`) so it can be sent back, shown as redacted. */
  | { type: 'reasoning-redacted'; id: string; data: string }
  | { type: 'tool-input-start'; toolCallId: string; toolName: string }
  | { type: 'tool-input-delta'; toolCallId: string; delta: string }
  | { type: 'tool-input-end'; toolCallId: string }
  | { type: 'usage'; usage: Usage }
  /** The provider's stop reason; may arrive before the terminator. */
  | { type: 'finish'; finishReason: FinishReason; rawFinishReason?: string }
  /** The provider's terminator was seen: the message is complete (`status: 'done'`). */
  | { type: 'done' }
  /** The stream ended badly: `kind` `interrupted` → status interrupted, `aborted` → aborted, else error. */
  | { type: 'error'; error: RillErrorValue };

/**
 * Parts that carry model output: what time-to-first-token and races wait for.
 *
 * @example isTokenPart({ type: 'text-delta', id: 't', delta: 'Hi' }); // true; a `usage` or `finish` part is false
 */
export function isTokenPart(part: StreamPart): boolean {
  return part.type === 'text-delta' || part.type === 'reasoning-delta' || part.type === 'tool-input-delta' || part.type === 'reasoning-redacted';
}
