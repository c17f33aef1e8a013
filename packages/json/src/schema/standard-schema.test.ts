import { type } from 'arktype';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JSONStreamError, createIncrementalParser } from '../index.js';
import type { StandardSchemaV1 } from '../index.js';

const schemas: [string, StandardSchemaV1][] = [
  ['zod 4', z.object({ city: z.string(), days: z.array(z.number().int().min(1)) })],
  ['valibot', v.object({ city: v.string(), days: v.array(v.pipe(v.number(), v.integer(), v.minValue(1))) })],
  ['arktype', type({ city: 'string', days: 'number.integer >= 1 []' })],
];

function end(schema: StandardSchemaV1, text: string): { error: unknown; value: unknown } {
  const parser = createIncrementalParser({ standardSchema: schema });
  for (const char of text) parser.push(char);
  try {
    parser.end();
  } catch (error) {
    return { error, value: parser.value() };
  }
  return { error: undefined, value: parser.value() };
}

describe.each(schemas)('Standard Schema: %s', (_name, schema) => {
  it('accepts a final value that matches', () => {
    expect(end(schema, '{"city":"Paris","days":[1,2]}')).toEqual({
      error: undefined,
      value: { city: 'Paris', days: [1, 2] },
    });
  });

  it('rejects a final value that does not, at the issue path, keeping the value', () => {
    const { error, value } = end(schema, '{"city":"Paris","days":[1,0]}');
    expect(error).toBeInstanceOf(JSONStreamError);
    expect(error).toMatchObject({ kind: 'schema', path: ['days', 1], offset: 29, retryable: false });
    expect((error as JSONStreamError).expected).not.toBe('');
    expect(value).toEqual({ city: 'Paris', days: [1, 0] });
  });

  it('validates only the final value, not the partial ones', () => {
    const parser = createIncrementalParser({ standardSchema: schema });
    parser.push('{"city":"Pa');
    expect(parser.value()).toEqual({ city: 'Pa' });
    parser.push('ris"}');
    expect(() => parser.end()).toThrow(/Schema violation at \$\.days/);
  });
});

it('reports a Standard Schema that validates asynchronously, which end() cannot wait for', () => {
  const parser = createIncrementalParser({ standardSchema: z.string().refine(async () => true) });
  parser.push('"x"');
  expect(() => parser.end()).toThrow(/synchronous Standard Schema/);
});
