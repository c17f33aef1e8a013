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

/**
 * Where a text part cites a source. `start`/`end` are UTF-16 offsets into that part's `text` (what
 * `String.slice` takes) where the provider gives positions; without them the citation covers the
 * whole part (Anthropic cites per text block). `end` alone marks a point (an OpenAI file citation).
 */
export interface Citation {
  /** The `id` of the {@link SourcePart} cited. */
  sourceId: string;
  start?: number;
  end?: number;
  /** The words quoted from the source, where the provider gives them (Anthropic `cited_text`). */
  quote?: string;
  /** Where in a cited document (Anthropic): characters, pages (1-based, end exclusive) or content blocks. */
  location?: { unit: 'char' | 'page' | 'block'; start: number; end: number };
}

export interface TextPart {
  type: 'text';
  text: string;
  /** The sources this text cites, in the order the provider sent them. */
  citations?: Citation[];
}

export interface ReasoningPart {
  type: 'reasoning';
  text: string;
  signature?: string;
  redacted?: boolean;
  /** The provider's id for the reasoning item (OpenAI Responses `rs_…`), which must go back with its signature. */
  itemId?: string;
  /** Opaque provider data kept to send the reasoning back as it came (OpenRouter `reasoning_details`). */
  providerData?: Record<string, unknown>;
}

export interface ToolCallPart {
  type: 'tool-call';
  toolCallId: string;
  toolName: string;
  /** The raw argument text as it has streamed so far. */
  inputText: string;
  /** The partial value while streaming (from @rill/json), the parsed value once complete. */
  input: unknown;
  /**
   * `input-streaming` → `input-available` (complete; a client tool runs) → `output-available` or
   * `output-error`. A call whose tool needs approval waits as `approval-requested` (the chat set it)
   * until approved (back to `input-available`, and it runs) or refused: `approval-denied`, with the
   * reason the model is told in `errorText`.
   */
  state:
    | 'input-streaming'
    | 'input-available'
    | 'approval-requested'
    | 'approval-denied'
    | 'output-available'
    | 'output-error';
  output?: unknown;
  /** Why the call failed (`output-error`) or was refused (`approval-denied`). */
  errorText?: string;
  /**
   * A tool the provider ran itself (web search, web fetch, code execution, file search, MCP, image
   * generation): its result arrives in the stream as `output`, and the client's tool loop never runs it.
   */
  providerExecuted?: true;
  /**
   * Opaque provider data that sending the call and its result back needs beyond the fields above
   * (its block or item type, an MCP server's name, a Responses output item); not for display.
   */
  providerData?: Record<string, unknown>;
}

/**
 * Something the answer cites: a web page (`url`) or a document (an uploaded file, a document given
 * in the prompt, a file-search hit). Each source appears once per message; text parts point at it
 * through their `citations`.
 */
export interface SourcePart {
  type: 'source';
  /** Unique within the message: the URL for a web page, the provider's id or position for a document. */
  id: string;
  sourceType: 'url' | 'document';
  url?: string;
  title?: string;
  /** A document's media type, where known. */
  mediaType?: string;
  /** A document's file name or the provider's file id (OpenAI `file-…`). */
  filename?: string;
  fileId?: string;
  /** Text the provider quotes from the source for this answer (Gemini retrieved context, a search snippet). */
  snippet?: string;
}

/**
 * A file the model produced: an image (Gemini `inlineData`, an OpenAI generated image) or another
 * media type, inline as base64 `data` or by `url`. `partial` is set while a progressive image is
 * still being refined (OpenAI partial images): each refinement replaces `data`.
 */
export interface FilePart {
  type: 'file';
  /** Unique within the message. */
  id: string;
  mediaType: string;
  data?: string;
  url?: string;
  partial?: true;
  /** The provider-executed call that made it (an OpenAI `image_generation_call`), if any. */
  toolCallId?: string;
}

export type Part = TextPart | ReasoningPart | ToolCallPart | SourcePart | FilePart;

export type MessageStatus = 'streaming' | 'done' | 'interrupted' | 'error' | 'aborted';

/** Debug information about decoding, not part of the answer. */
export interface MessageMetadata {
  /**
   * Provider events, blocks, parts or items the decoder does not know (or deliberately leaves out,
   * such as choices after the first), counted by kind (`event:response.foo`, `part:videoMetadata`,
   * `choice:1`…), so nothing a stream sends disappears without a trace and nothing unknown throws.
   */
  ignored?: Record<string, number>;
}

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
  metadata?: MessageMetadata;
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
  /** Opaque data kept to send reasoning back as it came (OpenRouter `reasoning_details`). */
  | { type: 'reasoning-data'; id: string; providerData: Record<string, unknown> }
  | {
      type: 'tool-input-start';
      toolCallId: string;
      toolName: string;
      providerExecuted?: true;
      providerData?: Record<string, unknown>;
    }
  | { type: 'tool-input-delta'; toolCallId: string; delta: string }
  | { type: 'tool-input-end'; toolCallId: string }
  /**
   * The result of a provider-executed call (`output-available`, or `output-error` with `errorText`).
   * A later one replaces it; `providerData` is merged into the call's.
   */
  | {
      type: 'tool-output';
      toolCallId: string;
      output: unknown;
      errorText?: string;
      providerData?: Record<string, unknown>;
    }
  /** A source the answer cites; one whose `id` is already in the message is not added again. */
  | { type: 'source'; source: Omit<SourcePart, 'type'> }
  /** A citation on the text part streamed under `id` (created empty if no text has arrived yet). */
  | { type: 'citation'; id: string; citation: Citation }
  /** A file, or a newer version of the file with the same `id` (a progressive image). */
  | { type: 'file'; file: Omit<FilePart, 'type'> }
  /** Something the provider sent that the decoder does not know: counted in `metadata.ignored`. */
  | { type: 'ignored'; what: string }
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
  return (
    part.type === 'text-delta' ||
    part.type === 'reasoning-delta' ||
    part.type === 'tool-input-delta' ||
    part.type === 'reasoning-redacted' ||
    part.type === 'file'
  );
}
