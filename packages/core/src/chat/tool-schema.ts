import { createIncrementalParser, type JSONSchema, type StandardSchemaV1 } from '@rill/json';

/** A Standard Schema that can also give its JSON Schema (Standard JSON Schema: zod 4.2+, arktype, valibot's adapter). */
interface StandardJSONSchema {
  readonly '~standard': {
    readonly jsonSchema: { readonly input: (options: { readonly target: 'draft-07' }) => Record<string, unknown> };
  };
}

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type ScalarOf<T> = T extends 'string'
  ? string
  : T extends 'number' | 'integer'
    ? number
    : T extends 'boolean'
      ? boolean
      : T extends 'null'
        ? null
        : unknown;

type ObjectOf<P, Required> = Simplify<
  { -readonly [K in keyof P as K extends Required ? K : never]: FromJSONSchema<P[K]> } & {
    -readonly [K in keyof P as K extends Required ? never : K]?: FromJSONSchema<P[K]>;
  }
>;

// `T` is one JSON type name: a union of names (`type: ['string', 'null']`) distributes over this.
type OfType<S, T> = T extends 'object'
  ? S extends { properties: infer P }
    ? ObjectOf<P, S extends { required: readonly (infer R)[] } ? R : never>
    : Record<string, unknown>
  : T extends 'array'
    ? S extends { items: infer I }
      ? FromJSONSchema<I>[]
      : unknown[]
    : ScalarOf<T>;

/**
 * The TypeScript type of the values a JSON Schema (written `as const`, or inline in a tool) allows,
 * for the common keywords: `const`, `enum`, `type` (one or several), `properties` with `required`,
 * `items`. Anything else is `unknown`.
 *
 * @example type City = FromJSONSchema<{ type: 'object'; properties: { name: { type: 'string' } }; required: ['name'] }>; // { name: string }
 */
export type FromJSONSchema<S> = S extends { const: infer C }
  ? C
  : S extends { enum: readonly (infer E)[] }
    ? E
    : S extends { type: infer T }
      ? T extends readonly (infer U)[]
        ? OfType<S, U>
        : OfType<S, T>
      : unknown;

/**
 * What a tool's `execute` receives for its `inputSchema`: a Standard Schema's output, the type a
 * JSON Schema describes, or, without a schema, an object (the model is asked for one).
 *
 * @example type Input = InferToolInput<typeof weatherSchema>; // z.infer<typeof weatherSchema>
 */
export type InferToolInput<S> = unknown extends S
  ? Record<string, unknown>
  : S extends StandardSchemaV1
    ? NonNullable<S['~standard']['types']>['output']
    : FromJSONSchema<S>;

const isStandard = (schema: unknown): schema is StandardSchemaV1 =>
  typeof schema === 'object' && schema !== null && '~standard' in schema;

const hasJSONSchema = (schema: StandardSchemaV1): schema is StandardSchemaV1 & StandardJSONSchema => {
  const standard: Record<string, unknown> = schema['~standard'];
  return typeof standard['jsonSchema'] === 'object' && standard['jsonSchema'] !== null;
};

/**
 * The JSON Schema a tool's arguments are described by to the model: the JSON Schema given, a
 * Standard Schema's own (Standard JSON Schema), or any object. A Standard Schema that cannot give
 * one throws (the model would not know the arguments).
 *
 * @example toolJSONSchema('get_weather', z.object({ city: z.string() })); // { type: 'object', properties: { city: { type: 'string' } }, … }
 */
export function toolJSONSchema(name: string, schema: unknown): Record<string, unknown> {
  if (schema === undefined) return { type: 'object' };
  if (!isStandard(schema)) return schema as Record<string, unknown>;
  if (!hasJSONSchema(schema))
    throw new Error(
      `the tool "${name}" has a Standard Schema that gives no JSON Schema (~standard.jsonSchema); give its inputSchema as JSON Schema`,
    );
  return schema['~standard'].jsonSchema.input({ target: 'draft-07' });
}

type Checked = { input: unknown } | { error: string };

const verdict = (result: Awaited<ReturnType<StandardSchemaV1['~standard']['validate']>>): Checked =>
  result.issues === undefined
    ? { input: result.value }
    : { error: result.issues.map((issue) => issue.message).join('; ') };

/**
 * Checks a call's input against its tool's schema at once: the Standard Schema's output
 * (transforms applied), or the input itself if it matches the JSON Schema (any object without
 * one); else the reason. `undefined` when the Standard Schema validates asynchronously.
 *
 * @example const checked = checkToolInputNow(tool.inputSchema, part.input); // { input } or { error }
 */
export function checkToolInputNow(schema: unknown, input: unknown): Checked | undefined {
  if (isStandard(schema)) {
    const result = schema['~standard'].validate(input);
    return result instanceof Promise ? undefined : verdict(result);
  }
  // The streaming checker of @rill/json, over the whole value at once.
  const parser = createIncrementalParser({ schema: (schema ?? { type: 'object' }) as JSONSchema });
  try {
    parser.push(JSON.stringify(input) ?? 'null');
    parser.end();
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
  return { input };
}

/**
 * Checks a call's input against its tool's schema before it runs ({@link checkToolInputNow},
 * waiting for an asynchronous Standard Schema); the reason of a mismatch is what the model is told.
 *
 * @example const checked = await checkToolInput(tool.inputSchema, part.input); if ('error' in checked) fail(checked.error);
 */
export async function checkToolInput(schema: unknown, input: unknown): Promise<Checked> {
  return checkToolInputNow(schema, input) ?? verdict(await (schema as StandardSchemaV1)['~standard'].validate(input));
}
