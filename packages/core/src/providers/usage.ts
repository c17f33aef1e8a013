import type { Usage } from '../message/types.js';
import { defined, num, obj, type Json } from './payload.js';

/** Anthropic's raw counters; `message_delta` may repeat or update any of them. */
export interface AnthropicUsageCounters {
  input?: number;
  cacheCreation?: number;
  cacheRead?: number;
  output?: number;
}

/**
 * Merges an Anthropic `usage` object into the running counters (later values win).
 *
 * @example mergeAnthropicUsage({}, { input_tokens: 10, output_tokens: 1 }); // { input: 10, output: 1 }
 */
export function mergeAnthropicUsage(counters: AnthropicUsageCounters, usage: Json): AnthropicUsageCounters {
  return {
    input: num(usage, 'input_tokens') ?? counters.input,
    cacheCreation: num(usage, 'cache_creation_input_tokens') ?? counters.cacheCreation,
    cacheRead: num(usage, 'cache_read_input_tokens') ?? counters.cacheRead,
    output: num(usage, 'output_tokens') ?? counters.output,
  };
}

/**
 * Anthropic counters → Usage: input counts cache writes and reads too, so costs add up like other providers.
 *
 * @example anthropicUsage({ input: 40, cacheRead: 12, output: 88 }); // { inputTokens: 52, outputTokens: 88, cachedInputTokens: 12 }
 */
export function anthropicUsage(c: AnthropicUsageCounters): Usage {
  const anyInput = c.input !== undefined || c.cacheCreation !== undefined || c.cacheRead !== undefined;
  return defined({
    inputTokens: anyInput ? (c.input ?? 0) + (c.cacheCreation ?? 0) + (c.cacheRead ?? 0) : undefined,
    outputTokens: c.output,
    cachedInputTokens: c.cacheRead,
  });
}

// Chat names its counters prompt_tokens / completion_tokens, Responses input_tokens / output_tokens; the rest is alike.
const openAICounterNames = {
  'openai-chat': ['prompt', 'completion'],
  'openai-responses': ['input', 'output'],
} as const;

/**
 * OpenAI `usage` → Usage, for either API: `<in>_tokens`, `<out>_tokens`, cached tokens in `<in>_tokens_details`, reasoning in `<out>_tokens_details`.
 * OpenAI counts reasoning inside the output tokens; a server whose reasoning tokens outnumber its
 * output tokens (xAI) cannot have, so they are added to make `outputTokens` count every output token.
 *
 * @example openAIUsage('openai-chat', { completion_tokens: 1, completion_tokens_details: { reasoning_tokens: 290 } }); // { outputTokens: 291, reasoningTokens: 290 }
 */
export function openAIUsage(api: keyof typeof openAICounterNames, usage: Json): Usage {
  const [input, output] = openAICounterNames[api];
  const outputTokens = num(usage, `${output}_tokens`);
  const reasoningTokens = num(obj(usage, `${output}_tokens_details`), 'reasoning_tokens');
  const apart = outputTokens !== undefined && reasoningTokens !== undefined && reasoningTokens > outputTokens;
  return defined({
    inputTokens: num(usage, `${input}_tokens`),
    outputTokens: apart ? outputTokens + reasoningTokens : outputTokens,
    cachedInputTokens: num(obj(usage, `${input}_tokens_details`), 'cached_tokens'),
    reasoningTokens,
  });
}

/**
 * Gemini `usageMetadata` → Usage: output counts thoughts too (`candidatesTokenCount` leaves them out).
 *
 * @example geminiUsage({ promptTokenCount: 6, candidatesTokenCount: 9, thoughtsTokenCount: 2 }); // { inputTokens: 6, outputTokens: 11, reasoningTokens: 2 }
 */
export function geminiUsage(usage: Json): Usage {
  const candidates = num(usage, 'candidatesTokenCount');
  const thoughts = num(usage, 'thoughtsTokenCount');
  return defined({
    inputTokens: num(usage, 'promptTokenCount'),
    outputTokens: candidates === undefined && thoughts === undefined ? undefined : (candidates ?? 0) + (thoughts ?? 0),
    cachedInputTokens: num(usage, 'cachedContentTokenCount'),
    reasoningTokens: thoughts,
  });
}
