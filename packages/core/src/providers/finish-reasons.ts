import type { FinishReason } from '../message/types.js';

const anthropicReasons: Record<string, FinishReason> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  tool_use: 'tool-calls',
  refusal: 'content-filter',
};

const openAIChatReasons: Record<string, FinishReason> = {
  stop: 'stop',
  length: 'length',
  tool_calls: 'tool-calls',
  function_call: 'tool-calls',
  content_filter: 'content-filter',
};

const responsesIncompleteReasons: Record<string, FinishReason> = {
  max_output_tokens: 'length',
  content_filter: 'content-filter',
};

const geminiReasons: Record<string, FinishReason> = {
  STOP: 'stop',
  MAX_TOKENS: 'length',
  SAFETY: 'content-filter',
  RECITATION: 'content-filter',
  BLOCKLIST: 'content-filter',
  PROHIBITED_CONTENT: 'content-filter',
  SPII: 'content-filter',
  IMAGE_SAFETY: 'content-filter',
};

// Own-property lookup, so a provider word like "constructor" maps to 'other'.
const lookup = (table: Record<string, FinishReason>, raw: string): FinishReason =>
  Object.hasOwn(table, raw) ? (table[raw] ?? 'other') : 'other';

/** Anthropic `stop_reason` → FinishReason. @example anthropicFinishReason('tool_use'); // 'tool-calls' */
export function anthropicFinishReason(raw: string): FinishReason {
  return lookup(anthropicReasons, raw);
}

/** OpenAI Chat `finish_reason` → FinishReason. @example openAIChatFinishReason('length'); // 'length' */
export function openAIChatFinishReason(raw: string): FinishReason {
  return lookup(openAIChatReasons, raw);
}

/**
 * OpenAI Responses terminal status → FinishReason; `completed` is a stop unless the output ended on a function call.
 *
 * @example responsesFinishReason('incomplete', 'max_output_tokens', false); // 'length'
 */
export function responsesFinishReason(
  status: string,
  incompleteReason: string | undefined,
  endedOnToolCall: boolean,
): FinishReason {
  if (status === 'completed') return endedOnToolCall ? 'tool-calls' : 'stop';
  if (status === 'failed') return 'error';
  return incompleteReason === undefined ? 'other' : lookup(responsesIncompleteReasons, incompleteReason);
}

/**
 * Gemini `finishReason` → FinishReason; `STOP` is a tool-calls finish when the candidate ended on a function call.
 *
 * @example geminiFinishReason('SAFETY', false); // 'content-filter'
 */
export function geminiFinishReason(raw: string, endedOnToolCall: boolean): FinishReason {
  const reason = lookup(geminiReasons, raw);
  return reason === 'stop' && endedOnToolCall ? 'tool-calls' : reason;
}
