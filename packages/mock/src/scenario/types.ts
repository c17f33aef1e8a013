import type { FinishReason } from '@rill/core';

/** A web page: a search result, or a source the answer cites. Its `url` is its id. */
export interface MockSource {
  url: string;
  title: string;
}

/**
 * Where a text part cites a source: the words `text.slice(start, end)` (UTF-16 offsets, as
 * `String.slice` counts). Spans of one part must not partly overlap (the same span twice is fine).
 */
export interface MockCitation {
  source: MockSource;
  start: number;
  end: number;
  /** The words quoted from the source (Anthropic's `cited_text`); default: the cited words of the answer. */
  quote?: string;
}

/**
 * Plain text the model writes; it streams as word-ish tokens. Its `citations` go out as each wire
 * cites: Anthropic sends each cited span as its own text block with `citations_delta`, OpenAI
 * Responses and Chat send `url_citation` annotations, Gemini `groundingMetadata` on its last chunk.
 */
export interface MockTextPart {
  type: 'text';
  text: string;
  citations?: MockCitation[];
}

/** Reasoning ("thinking") text; `signature` is the provider's opaque proof sent back on the next turn. */
export interface MockReasoningPart {
  type: 'reasoning';
  text: string;
  signature?: string;
}

/** A tool call whose JSON `input` streams as argument text. */
export interface MockToolCallPart {
  type: 'tool-call';
  toolCallId: string;
  toolName: string;
  input: unknown;
  /**
   * Gemini streams the arguments piece by piece (`partialArgs` with `willContinue`, as with
   * `streamFunctionCallArguments`) instead of whole `args`; the other wires stream every call's
   * arguments anyway. The input must have no empty object or array (`partialArgs` cannot say one).
   */
  streamArguments?: boolean;
}

/**
 * A web search the provider runs (Anthropic `server_tool_use` + `web_search_tool_result`, an
 * OpenAI Responses `web_search_call`). OpenAI Chat has no such item and Gemini names only the
 * query (`webSearchQueries`): there the answer's citations carry the sources.
 */
export interface MockWebSearchPart {
  type: 'web-search';
  id: string;
  query: string;
  results: MockSource[];
}

/**
 * Code the provider runs in its sandbox and what it printed (Anthropic `code_execution`, an OpenAI
 * Responses `code_interpreter_call`, Gemini `executableCode` + `codeExecutionResult`; OpenAI Chat
 * has none).
 */
export interface MockCodeExecutionPart {
  type: 'code-execution';
  id: string;
  /** Python. */
  code: string;
  /** What it printed. */
  output: string;
}

/**
 * An image the model makes (an OpenAI Responses `image_generation_call`, Gemini `inlineData`;
 * Anthropic and OpenAI Chat send none). `partials`, base64 like `data`, are rougher versions
 * Responses streams first (`partial_image` events); Gemini sends only the image.
 */
export interface MockImagePart {
  type: 'image';
  id: string;
  mediaType: 'image/png' | 'image/jpeg' | 'image/webp';
  /** The image, base64. */
  data: string;
  partials?: string[];
  /** What the image tool was asked for (Responses `revised_prompt`). */
  prompt?: string;
}

/** The parts a provider runs or makes itself, next to the model's text. */
export type MockProviderPart = MockWebSearchPart | MockCodeExecutionPart | MockImagePart;

export type MockPart = MockTextPart | MockReasoningPart | MockToolCallPart | MockProviderPart;

/** Token counts in Rill's normalized sense: input includes cached tokens, output includes reasoning. */
export interface MockUsage {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens?: number;
  reasoningTokens?: number;
}

/** When bytes go out. Real timers; tests pass zeros. */
export interface MockTiming {
  /** Delay before the first token-bearing event (events before it go out at once). */
  ttftMs?: number;
  /** Delay between token-bearing events. */
  tokenDelayMs?: number;
  /** Up to this much is added to or taken from each delay, from a seeded PRNG. */
  jitterMs?: number;
  /** Seed for the jitter, so a scenario's timing is reproducible. */
  seed?: number;
  /** Events written together as one chunk (chunky delivery); 1 = one write per event. */
  batchSize?: number;
}

/**
 * What the mock model answers: the message it streams, in any provider's wire format.
 * `finishReason` defaults to `tool-calls` when the last part is a tool call, else `stop`.
 */
export interface MockScenario {
  /** Shown in logs and used to key "first N requests only" faults. */
  name?: string;
  /** The message id; each provider gets a default in its own style. */
  id?: string;
  /** The model named on the wire; defaults to the model in the request. */
  model?: string;
  parts: MockPart[];
  usage?: MockUsage;
  finishReason?: Exclude<FinishReason, 'error' | 'other'>;
  timing?: MockTiming;
}
