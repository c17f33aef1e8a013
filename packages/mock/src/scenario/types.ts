import type { FinishReason } from '@rill/core';

/** Plain text the model writes; it streams as word-ish tokens. */
export interface MockTextPart {
  type: 'text';
  text: string;
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
}

export type MockPart = MockTextPart | MockReasoningPart | MockToolCallPart;

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
