import type { RillErrorValue } from '../errors.js';
import type { ProviderName, StreamPart } from '../message/types.js';

/** A decoded JSON object from a provider payload. */
export type Json = Record<string, unknown>;

/** How much of a bad payload an error message quotes. */
const QUOTE_CHARS = 200;

/**
 * True for a plain JSON object (not an array, not null).
 *
 * @example isJson({ a: 1 }); // true; isJson([1]) and isJson(null) are false
 */
export function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The field as an object, or undefined.
 *
 * @example obj({ usage: { input_tokens: 3 } }, 'usage'); // { input_tokens: 3 }
 */
export function obj(value: Json, key: string): Json | undefined {
  const v = value[key];
  return isJson(v) ? v : undefined;
}

/**
 * The field as a string, or undefined.
 *
 * @example str({ type: 'ping' }, 'type'); // 'ping'; str({ type: 1 }, 'type') is undefined
 */
export function str(value: Json, key: string): string | undefined {
  const v = value[key];
  return typeof v === 'string' ? v : undefined;
}

/**
 * The field as a finite number, or undefined.
 *
 * @example num({ output_tokens: 88 }, 'output_tokens'); // 88; num(undefined, 'output_tokens') is undefined
 */
export function num(value: Json | undefined, key: string): number | undefined {
  const v = value?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * The field as an array of objects (other entries dropped), or an empty array.
 *
 * @example list({ candidates: [{ index: 0 }, 'junk'] }, 'candidates'); // [{ index: 0 }]
 */
export function list(value: Json, key: string): Json[] {
  const v = value[key];
  return Array.isArray(v) ? v.filter(isJson) : [];
}

/**
 * The `malformed-event` error part for a payload the provider does not document, quoting it.
 *
 * @example malformed('gemini', '[1]', 'data is not a JSON object'); // { type: 'error', error: { kind: 'malformed-event', … } }
 */
export function malformed(provider: ProviderName, data: string, why: string): StreamPart {
  const quote = data.length > QUOTE_CHARS ? `${data.slice(0, QUOTE_CHARS)}…` : data;
  const error: RillErrorValue = { kind: 'malformed-event', message: `${provider}: ${why}: ${quote}`, retryable: false };
  return { type: 'error', error };
}

/** An event's data parsed as a JSON object, or the `malformed-event` part that replaces it. */
export type Payload = { json: Json } | { error: StreamPart };

/**
 * Parses an event's data as a JSON object; a payload that is not one becomes a `malformed-event` part.
 *
 * @example
 * const payload = parsePayload('anthropic', event.data);
 * if ('error' in payload) return [payload.error];
 */
export function parsePayload(provider: ProviderName, data: string): Payload {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return { error: malformed(provider, data, 'data is not JSON') };
  }
  return isJson(value) ? { json: value } : { error: malformed(provider, data, 'data is not a JSON object') };
}

/**
 * Drops keys whose value is undefined, so messages and request bodies carry only what is known.
 *
 * @example
 * defined({ a: 1, b: undefined }); // { a: 1 }
 */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
