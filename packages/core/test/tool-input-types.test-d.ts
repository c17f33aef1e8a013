// Type tests, compiled by `pnpm typecheck`: a tool's `execute` input is typed by its `inputSchema`.
import type { StandardSchemaV1 } from '@rill/json';
import { createChatController, type ChatTool, type FromJSONSchema, type InferToolInput } from '../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(verdict: Equal<A, B>): Equal<A, B> => verdict;
/** Passes `value` through if its type is exactly `Expected`; otherwise the call misses an argument. */
const exactly =
  <Expected>() =>
  <Actual>(value: Actual, ...mismatch: Equal<Actual, Expected> extends true ? [] : [never]): Actual =>
    mismatch.length === 0 ? value : value;

// JSON Schema, mapped for the common keywords.
same<FromJSONSchema<{ type: 'string' }>, string>(true);
same<FromJSONSchema<{ type: 'integer' }>, number>(true);
same<FromJSONSchema<{ type: readonly ['string', 'null'] }>, string | null>(true);
same<FromJSONSchema<{ enum: readonly ['c', 'f'] }>, 'c' | 'f'>(true);
same<FromJSONSchema<{ const: 3 }>, 3>(true);
same<FromJSONSchema<{ type: 'array'; items: { type: 'boolean' } }>, boolean[]>(true);
same<
  FromJSONSchema<{
    type: 'object';
    properties: { a: { type: 'string' }; b: { type: 'number' } };
    required: readonly ['a'];
  }>,
  { a: string; b?: number }
>(true);
same<FromJSONSchema<{ type: 'object' }>, Record<string, unknown>>(true);
// Keywords it does not map are unknown, never any.
same<FromJSONSchema<{ anyOf: readonly [{ type: 'string' }] }>, unknown>(true);
same<FromJSONSchema<Record<string, unknown>>, unknown>(true);

// A Standard Schema gives its output type; no schema, an object.
declare const parsedDate: StandardSchemaV1<{ at: string }, { at: Date }>;
same<InferToolInput<typeof parsedDate>, { at: Date }>(true);
same<InferToolInput<unknown>, Record<string, unknown>>(true);

// Inline in `tools`, with no `as const`: each tool's input from its own schema.
createChatController({
  provider: 'anthropic',
  url: '/api/anthropic/v1/messages',
  model: 'claude-sonnet-4-6',
  tools: {
    get_weather: {
      inputSchema: {
        type: 'object',
        properties: { city: { type: 'string' }, unit: { enum: ['celsius', 'fahrenheit'] } },
        required: ['city'],
      },
      needsApproval: (input) => exactly<{ city: string; unit?: 'celsius' | 'fahrenheit' }>()(input).city === 'Paris',
      execute: (input) => exactly<{ city: string; unit?: 'celsius' | 'fahrenheit' }>()(input),
    },
    remind: { inputSchema: parsedDate, execute: ({ at }) => at.toISOString() },
    ping: { execute: (input) => exactly<Record<string, unknown>>()(input) },
  },
});

createChatController({
  provider: 'anthropic',
  url: '/api/anthropic/v1/messages',
  model: 'claude-sonnet-4-6',
  tools: {
    get_weather: {
      inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
      // @ts-expect-error `city` is a string, not a number
      execute: ({ city }: { city: number }) => city,
    },
  },
});

// A tool written apart, typed by its schema.
const schema = { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] } as const;
const remove: ChatTool<typeof schema> = {
  inputSchema: schema,
  needsApproval: true,
  execute: ({ path }) => path.length,
};
createChatController({
  provider: 'anthropic',
  url: '/api/anthropic/v1/messages',
  model: 'claude-sonnet-4-6',
  tools: { remove },
});
