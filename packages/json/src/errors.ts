import type { JsonPath } from './parser-types.js';

/**
 * `syntax`: a character that cannot continue the document; `incomplete`: `end()` before the
 * document was whole; `schema`: a completed value broke the JSON Schema or the Standard Schema;
 * `invalid-chunk`: `push` was given something that is not a string (nothing was consumed).
 */
export type JSONStreamErrorKind = 'syntax' | 'incomplete' | 'schema' | 'invalid-chunk';

/** What a `JSONStreamError` is made of. */
export interface JSONStreamErrorInit {
  kind: JSONStreamErrorKind;
  /** Character offset (UTF-16 units from the start of the stream) of the fault. */
  offset: number;
  /** What would have been valid there, in words. */
  expected: string;
  /** Where in the document the fault is. */
  path: JsonPath;
  /** The offending character or value, when there is one. */
  found?: string;
}

/**
 * Renders a path the way JavaScript would read it: `$`, `$.items[2].name`, `$["odd key"]`.
 *
 * @example
 * formatJsonPath(['items', 2, 'name']); // '$.items[2].name'
 */
export function formatJsonPath(path: JsonPath): string {
  let text = '$';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) text += `.${key}`;
    else text += `[${JSON.stringify(key)}]`;
  }
  return text;
}

function describe(init: JSONStreamErrorInit): string {
  const where = `${formatJsonPath(init.path)}, offset ${init.offset}`;
  if (init.kind === 'incomplete') return `The JSON ended early (${where}): expected ${init.expected}`;
  if (init.kind === 'invalid-chunk')
    return `push() takes a string, got ${init.found ?? 'something else'} (offset ${init.offset}): nothing was consumed`;
  if (init.kind === 'schema')
    return `Schema violation at ${where}: expected ${init.expected}${init.found === undefined ? '' : `, got ${init.found}`}`;
  return `Unexpected ${init.found === undefined ? 'input' : JSON.stringify(init.found)} (${where}): expected ${init.expected}`;
}

/**
 * A fault in streamed JSON, as a value: `kind`, a human `message`, where (`offset`, `path`)
 * and what was `expected`. Never retryable: the same text fails the same way.
 *
 * @example
 * try { parser.push('{"a":tru}'); } catch (e) { if (e instanceof JSONStreamError) console.log(e.kind, e.offset); } // 'syntax' 8
 */
export class JSONStreamError extends Error {
  override readonly name = 'JSONStreamError';
  readonly kind: JSONStreamErrorKind;
  readonly offset: number;
  readonly expected: string;
  readonly path: JsonPath;
  readonly found: string | undefined;
  readonly retryable = false;

  constructor(init: JSONStreamErrorInit) {
    super(describe(init));
    this.kind = init.kind;
    this.offset = init.offset;
    this.expected = init.expected;
    this.path = init.path;
    this.found = init.found;
  }
}

/**
 * The error every backend throws, before touching its state, when `push` gets anything but a
 * string: the parser stays as it was, at `offset` characters received.
 *
 * @example
 * if (typeof chunk !== 'string') throw invalidChunk(received, chunk); // push() takes a string, got number 42 (offset 8): …
 */
export function invalidChunk(offset: number, chunk: unknown): JSONStreamError {
  // Only short primitives are quoted: a stray object or buffer could be huge, or throw from toString.
  const found =
    chunk === null
      ? 'null'
      : typeof chunk === 'number' || typeof chunk === 'boolean' || typeof chunk === 'bigint'
        ? `${typeof chunk} ${String(chunk)}`
        : typeof chunk;
  return new JSONStreamError({ kind: 'invalid-chunk', offset, expected: 'a string', found, path: [] });
}

/**
 * The error every backend throws for input pushed after `end()`, at the offset where the document ended.
 *
 * @example
 * throw afterEnd(11, ' {}'); // JSONStreamError: Unexpected " " ($, offset 11): expected no input after end()
 */
export function afterEnd(offset: number, chunk: string): JSONStreamError {
  return new JSONStreamError({
    kind: 'syntax',
    offset,
    expected: 'no input after end()',
    found: chunk.charAt(0),
    path: [],
  });
}
