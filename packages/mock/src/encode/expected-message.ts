import type { Message, Usage } from '@rill/core';
import type { MockUsage } from '../scenario/types.js';
import type { ResolvedScenario } from './types.js';

/**
 * The message a whole stream of `scenario` decodes to: every wire gives its id and model, status
 * `done`; the wire decides the finish, the usage and how the parts come out.
 *
 * @example doneMessage(scenario, { finishReason: 'stop', rawFinishReason: 'stop', usage, parts }).status; // 'done'
 */
export function doneMessage(
  scenario: ResolvedScenario,
  fields: Required<Pick<Message, 'finishReason' | 'rawFinishReason' | 'usage' | 'parts'>>,
): Message {
  return { role: 'assistant', id: scenario.id, model: scenario.model, status: 'done', ...fields };
}

/**
 * The usage of a wire that always reports cached and reasoning tokens (both OpenAI APIs): absent counts decode as 0.
 *
 * @example reportedUsage({ inputTokens: 10, outputTokens: 5 }); // { inputTokens: 10, outputTokens: 5, cachedInputTokens: 0, reasoningTokens: 0 }
 */
export function reportedUsage(usage: MockUsage): Usage {
  return {
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    cachedInputTokens: usage.cachedInputTokens ?? 0,
    reasoningTokens: usage.reasoningTokens ?? 0,
  };
}

/**
 * `ProviderWire.unterminated` for wires whose finish and usage arrive before the terminator (Anthropic, OpenAI Chat).
 *
 * @example keepFinishAndUsage(expected); // { finishReason, rawFinishReason, usage } of the whole stream
 */
export function keepFinishAndUsage({
  finishReason,
  rawFinishReason,
  usage,
}: Message): Pick<Message, 'finishReason' | 'rawFinishReason' | 'usage'> {
  return { finishReason, rawFinishReason, usage };
}
