import { JSONStreamError } from '../errors.js';
import type { JsonPath } from '../parser-types.js';

// The Standard Schema v1 interface (standardschema.dev), written out as the spec recommends instead of a dependency.

/** One segment of an issue's path, when the library wraps keys. */
export interface StandardSchemaPathSegment {
  readonly key: PropertyKey;
}

/** One problem a Standard Schema found. */
export interface StandardSchemaIssue {
  readonly message: string;
  readonly path?: readonly (PropertyKey | StandardSchemaPathSegment)[] | undefined;
}

/** A Standard Schema's verdict: the (possibly transformed) value, or issues. */
export type StandardSchemaResult<Output> =
  { readonly value: Output; readonly issues?: undefined } | { readonly issues: readonly StandardSchemaIssue[] };

/** Any schema library that implements Standard Schema v1: zod 4, valibot, arktype and others. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardSchemaResult<Output> | Promise<StandardSchemaResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

function toJsonPath(path: StandardSchemaIssue['path']): JsonPath {
  // Array.from, not map: some libraries' paths are Array subclasses, and map would keep the subclass.
  return Array.from(path ?? [], (segment) => {
    const key = typeof segment === 'object' ? segment.key : segment;
    return typeof key === 'number' ? key : String(key);
  });
}

/**
 * Validates a finished value with a Standard Schema; issues become one `schema` JSONStreamError
 * at the first issue's path. Only synchronous validation fits `end()`.
 *
 * @example
 * validateStandard(z.object({ id: z.number() }), { id: 'x' }, 10); // throws JSONStreamError at $.id
 */
export function validateStandard(schema: StandardSchemaV1, value: unknown, offset: number): void {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) {
    throw new JSONStreamError({
      kind: 'schema',
      offset,
      path: [],
      expected: 'a synchronous Standard Schema (validate returned a Promise; validate value() yourself)',
    });
  }
  if (!result.issues) return;
  const [first, ...rest] = result.issues;
  if (!first) return;
  const more = rest.length ? ` (and ${rest.length} more issue${rest.length > 1 ? 's' : ''})` : '';
  throw new JSONStreamError({
    kind: 'schema',
    offset,
    path: toJsonPath(first.path),
    expected: `${first.message}${more}`,
  });
}
