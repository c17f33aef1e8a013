// @rill/json: incremental JSON parsing for streamed output, each name with one line.
export {
  /** A streaming JSON parser: O(chunk) per push, structurally shared immutable partial values. */
  createIncrementalParser,
} from './incremental/incremental-parser.js';
export {
  /** A fault in streamed JSON, as a value: `kind`, a human `message`, where (`offset`, `path`) and what was `expected`. */
  JSONStreamError,
  /** Renders a path the way JavaScript would read it: `$`, `$.items[2].name`, `$["odd key"]`. */
  formatJsonPath,
} from './errors.js';
export type {
  /** What a `JSONStreamError` is made of. */
  JSONStreamErrorInit,
  /** `syntax`: a character that cannot continue the document; `incomplete`: `end()` before the document was whole; `schema`. */
  JSONStreamErrorKind,
} from './errors.js';
export type {
  /** A streaming JSON parser: feed text with `push`, read the best partial value with `value`. */
  IncrementalParser,
  /** What `createIncrementalParser` and the other backends' factories share, so a backend is swapped by swapping the factory. */
  IncrementalParserFactory,
  /** Options every backend accepts; a backend that cannot honour one says so in its docs. */
  IncrementalParserOptions,
  /** A key or index leading from the root to a value; `[]` is the root. */
  JsonPath,
} from './parser-types.js';
export {
  /** Gives any backend the `schema` and `standardSchema` options, checked from its completion events (O(depth) per value to find the sub-schema). */
  withSchemas,
} from './schema/with-schemas.js';
export type {
  /** The JSON Schema keywords checked while streaming; other keywords are ignored. */
  JSONSchema,
  /** The JSON types a schema can name; `integer` is a number with no fraction. */
  JSONSchemaType,
} from './schema/json-schema.js';
export type {
  /** One problem a Standard Schema found. */
  StandardSchemaIssue,
  /** One segment of an issue's path, when the library wraps keys. */
  StandardSchemaPathSegment,
  /** A Standard Schema's verdict: the (possibly transformed) value, or issues. */
  StandardSchemaResult,
  /** Any schema library that implements Standard Schema v1: zod 4, valibot, arktype and others. */
  StandardSchemaV1,
} from './schema/standard-schema.js';
