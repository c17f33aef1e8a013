import { describe, expect, it } from 'vitest';
import { JSONStreamError, createIncrementalParser } from '../index.js';
import type { JSONSchema } from '../index.js';

/** Pushes `text` one character at a time; returns the error and how many characters were pushed when it came. */
function streamUntilError(schema: JSONSchema, text: string) {
  const parser = createIncrementalParser({ schema });
  for (let index = 0; index < text.length; index++) {
    try {
      parser.push(text.charAt(index));
    } catch (error) {
      if (!(error instanceof JSONStreamError)) throw error;
      return { error, pushed: index + 1, value: parser.value() };
    }
  }
  parser.end();
  return { error: undefined, pushed: text.length, value: parser.value() };
}

const order: JSONSchema = {
  type: 'object',
  required: ['id', 'lines'],
  additionalProperties: false,
  properties: {
    id: { type: 'integer', minimum: 1 },
    status: { enum: ['open', 'paid'] },
    currency: { const: 'EUR' },
    note: { type: 'string', minLength: 2, maxLength: 4 },
    lines: {
      type: 'array',
      items: {
        type: 'object',
        properties: { sku: { type: 'string' }, qty: { type: 'number', exclusiveMinimum: 0, maximum: 99 } },
        required: ['sku'],
      },
    },
  },
};

describe('JSON Schema while streaming', () => {
  it('accepts a valid document and returns exactly what JSON.parse gives', () => {
    const text = '{"id":7,"status":"paid","currency":"EUR","note":"😀ok","lines":[{"sku":"a","qty":2.5},{"sku":"b"}]}';
    const { error, value } = streamUntilError(order, text);
    expect(error).toBeUndefined();
    expect(value).toEqual(JSON.parse(text));
  });

  it.each([
    ['a number below its minimum', '{"id":0,', ['id'], 'a number >= 1', '0'],
    ['a fraction where an integer is due', '{"id":1.5,', ['id'], 'integer', '1.5'],
    ['a value outside its enum', '{"id":1,"status":"late"', ['status'], 'one of "open", "paid"', '"late"'],
    ['a value other than its const', '{"id":1,"currency":"USD"', ['currency'], 'the constant "EUR"', '"USD"'],
    [
      'a string that is too long (in characters, not UTF-16 units)',
      '{"id":1,"note":"😀😀😀😀😀"',
      ['note'],
      'a string of at most 4 characters',
      '"😀😀😀😀😀"',
    ],
    ['a string that is too short', '{"id":1,"note":"x"', ['note'], 'a string of at least 2 characters', '"x"'],
    [
      'an item number at its exclusive minimum',
      '{"id":1,"lines":[{"sku":"a","qty":0}',
      ['lines', 0, 'qty'],
      'a number > 0',
      '0',
    ],
    [
      'an item missing a required property',
      '{"id":1,"lines":[{"sku":"a"},{"qty":1}',
      ['lines', 1],
      'the required properties "sku"',
      'an object',
    ],
    [
      'a key that additionalProperties forbids, as soon as the key is whole',
      '{"id":1,"extra"',
      ['extra'],
      'only the properties "id", "status", "currency", "note", "lines"',
      '"extra"',
    ],
    ['a container of the wrong type, at its opening bracket', '{"id":1,"lines":{', ['lines'], 'array', 'an object'],
    ['a root missing required properties', '{"id":1}', [], 'the required properties "lines"', 'an object'],
  ])('stops early at %s', (_name, prefix, path, expected, found) => {
    const { error, pushed } = streamUntilError(order, `${prefix}"never reached"`);
    expect(error).toMatchObject({ kind: 'schema', path, expected, found, retryable: false });
    // Early stop: the error comes with the character that completed the offending value.
    expect(pushed).toBe(prefix.length);
    expect(error?.offset).toBe(prefix.length - 1);
  });

  it('keeps the valid part and leaves the violating value out', () => {
    const { error, value } = streamUntilError(order, '{"id":3,"lines":[{"sku":"a"},{"sku":5}]}');
    expect(error?.path).toEqual(['lines', 1, 'sku']);
    expect(error?.message).toBe('Schema violation at $.lines[1].sku, offset 37: expected string, got 5');
    expect(value).toEqual({ id: 3, lines: [{ sku: 'a' }, {}] });
  });

  it('treats a false sub-schema as "no value allowed" and a true one as anything', () => {
    const schema: JSONSchema = { properties: { never: false, any: true } };
    expect(streamUntilError(schema, '{"any":[{"x":null}],"never":1}').error).toMatchObject({
      path: ['never'],
      expected: 'no value here (the schema is false)',
    });
  });

  it('accepts integers where a number is due, and type lists', () => {
    const schema: JSONSchema = { type: 'array', items: { type: ['number', 'null'] } };
    expect(streamUntilError(schema, '[1,2.5,null]').error).toBeUndefined();
    expect(streamUntilError(schema, '[1,"2"]').error).toMatchObject({ path: [1], expected: 'number or null' });
  });
});
