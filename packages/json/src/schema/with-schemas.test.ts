import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JSONStreamError, createIncrementalParser } from '../index.js';
import type { IncrementalParserFactory } from '../index.js';
import { createPartialJsonParser } from '../partial-json/index.js';
import { withSchemas } from './with-schemas.js';

const schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    items: { type: 'array', items: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } },
  },
} as const;

function run(
  make: IncrementalParserFactory,
  text: string,
  options: Parameters<IncrementalParserFactory>[0],
): { error: unknown; value: unknown } {
  const parser = make(options);
  try {
    for (const char of text) parser.push(char);
    parser.end();
  } catch (error) {
    return { error, value: parser.value() };
  }
  return { error: undefined, value: parser.value() };
}

// The default parser without its own checks (no schema passed through) stands in for a backend.
const plainDefault: IncrementalParserFactory = (opts) =>
  createIncrementalParser({ ...(opts?.onPathComplete ? { onPathComplete: opts.onPathComplete } : {}) });

describe.each([
  ['default parser', plainDefault],
  ['partial-json adapter', createPartialJsonParser],
] as const)('withSchemas over the %s', (_name, backend) => {
  const make = withSchemas(backend);

  it('passes a valid document through unchanged', () => {
    const text = '{"items":[{"id":1},{"id":2}]}';
    expect(run(make, text, { schema })).toEqual({ error: undefined, value: JSON.parse(text) });
  });

  it('throws a schema error with the path of the first bad value, then repeats it', () => {
    const parser = make({ schema });
    let error: unknown;
    try {
      for (const char of '{"items":[{"id":1},{"id":2.5},{"id":3}]}') parser.push(char);
      parser.end();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(JSONStreamError);
    expect(error).toMatchObject({ kind: 'schema', path: ['items', 1, 'id'], expected: 'integer', found: '2.5' });
    expect(() => parser.end()).toThrow(error as JSONStreamError);
    expect(parser.done()).toBe(false);
  });

  it('flags a property that additionalProperties forbids', () => {
    expect(run(make, '{"items":[],"extra":1}', { schema }).error).toMatchObject({ kind: 'schema', path: ['extra'] });
  });

  it('runs a Standard Schema on the final value and still reports completions', () => {
    const paths: string[] = [];
    const { error } = run(make, '{"items":[{"id":"x"}]}', {
      standardSchema: z.object({ items: z.array(z.object({ id: z.number() })) }),
      onPathComplete: (path) => paths.push(path.join('.')),
    });
    expect(error).toMatchObject({ kind: 'schema', path: ['items', 0, 'id'] });
    expect(paths.at(-1)).toBe('');
  });
});
