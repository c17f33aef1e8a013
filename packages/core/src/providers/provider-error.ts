import type { StreamPart } from '../message/types.js';

// Error words (Anthropic `type`, OpenAI `type`/`code`, Gemini `status`) that mean "try again later".
const RETRYABLE_WORDS = new Set([
  'overloaded_error',
  'api_error',
  'rate_limit_error',
  'rate_limit_exceeded',
  'server_error',
  'server_is_overloaded',
  'slow_down',
  'UNAVAILABLE',
  'RESOURCE_EXHAUSTED',
  'INTERNAL',
  'DEADLINE_EXCEEDED',
]);

const RETRYABLE_STATUSES = new Set([408, 409, 425, 429, 500, 502, 503, 504, 529]);

/**
 * The `provider` error part for an error the provider sent in-band; retryable when its code or status says so.
 *
 * @example providerError('Overloaded', ['overloaded_error']); // retryable: true
 */
export function providerError(message: string, words: (string | undefined)[], status?: number): StreamPart {
  const retryable =
    words.some((w) => w !== undefined && RETRYABLE_WORDS.has(w)) ||
    (status !== undefined && RETRYABLE_STATUSES.has(status));
  const label = words.find((w) => w !== undefined);
  return {
    type: 'error',
    error: {
      kind: 'provider',
      message: label === undefined ? message : `${label}: ${message}`,
      ...(status !== undefined && { status }),
      retryable,
    },
  };
}
