import { splitChunks } from '../scenario/tokens.js';
import { ARGUMENT_CHUNK_CHARS } from './expected-parts.js';

type PartialArg = Record<string, unknown>;

/** A key as a JSON path segment: `.name`, or `['name']` for a key a dotted path cannot hold. */
const segment = (key: string): string => (/^[^.[\]'"\\\s]+$/.test(key) ? `.${key}` : `['${key}']`);

/** Every leaf of a JSON value in document order, with its JSON path (`$.a.b[0]`). */
function leaves(value: unknown, path: string): { path: string; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => leaves(item, path + segment(key)));
  return [{ path, value }];
}

/** One leaf as `partialArgs` entries: a string in pieces (`willContinue`) closed by an empty piece, as Gemini sends it. */
function entries(path: string, value: unknown): PartialArg[] {
  if (typeof value === 'string') {
    const pieces = splitChunks(value, ARGUMENT_CHUNK_CHARS).map((stringValue) => ({
      jsonPath: path,
      stringValue,
      willContinue: true,
    }));
    return [...pieces, { jsonPath: path, stringValue: '' }];
  }
  if (typeof value === 'number') return [{ jsonPath: path, numberValue: value }];
  if (typeof value === 'boolean') return [{ jsonPath: path, boolValue: value }];
  return [{ jsonPath: path, nullValue: null }];
}

/**
 * A function call's arguments as Gemini streams them with `streamFunctionCallArguments`: the
 * `functionCall` parts after the one naming the call, one `partialArgs` entry each, then the
 * empty `functionCall` that ends the call.
 *
 * @example streamedArgumentParts({ city: 'Paris' }); // [{ functionCall: { partialArgs: [{ jsonPath: '$.city', stringValue: 'Paris', willContinue: true }], willContinue: true } }, …, { functionCall: {} }]
 */
export function streamedArgumentParts(input: unknown): Record<string, unknown>[] {
  const args = leaves(input, '$').flatMap(({ path, value }) => entries(path, value));
  return [...args.map((arg) => ({ functionCall: { partialArgs: [arg], willContinue: true } })), { functionCall: {} }];
}
