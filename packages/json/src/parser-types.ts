import type { JSONSchema } from './schema/json-schema.js';
import type { StandardSchemaV1 } from './schema/standard-schema.js';

/** A key or index leading from the root to a value; `[]` is the root. */
export type JsonPath = (string | number)[];

/** Options every backend accepts; a backend that cannot honour one says so in its docs. */
export interface IncrementalParserOptions {
  /**
   * Called once per completed value (scalar, object, array), children before parents, the root (`[]`) last.
   * If it throws, the parser still consumes the whole chunk, then `push`/`end` rethrows the first such error.
   */
  onPathComplete?(path: JsonPath, value: unknown): void;
  /** Each completed value is checked against its sub-schema as it completes; a violation throws a `schema` error. */
  schema?: JSONSchema;
  /** Validates the final value in `end()` (zod 4, valibot, arktype …); issues throw a `schema` error. */
  standardSchema?: StandardSchemaV1;
}

/**
 * A streaming JSON parser: feed text with `push`, read the best partial value with `value`.
 * Malformed input, an early end or a schema violation throws a `JSONStreamError`; after that,
 * `value()` keeps returning what arrived before the fault and `push`/`end` throw it again.
 */
export interface IncrementalParser {
  /** Consumes the next piece of text; anything but a string throws an `invalid-chunk` JSONStreamError and changes nothing. */
  push(chunk: string): void;
  /** The best partial value so far (immutable; the same reference until the next push), `undefined` before any. */
  value(): unknown;
  /** True once the root value is complete. */
  done(): boolean;
  /** Declares the input finished: completes a trailing root number, throws if the document is incomplete. */
  end(): void;
}

/** What `createIncrementalParser` and the other backends' factories share, so a backend is swapped by swapping the factory. */
export type IncrementalParserFactory = (opts?: IncrementalParserOptions) => IncrementalParser;
