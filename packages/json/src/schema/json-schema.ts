import { deepEqual } from './deep-equal.js';

/** The JSON types a schema can name; `integer` is a number with no fraction. */
export type JSONSchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'object' | 'array';

/** The JSON Schema keywords checked while streaming; other keywords are ignored. */
export interface JSONSchema {
  type?: JSONSchemaType | readonly JSONSchemaType[];
  properties?: Readonly<Record<string, JSONSchema | boolean>>;
  required?: readonly string[];
  additionalProperties?: JSONSchema | boolean;
  items?: JSONSchema | boolean;
  enum?: readonly unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
}

/** A sub-schema in effect at some path: `undefined` and `true` allow anything, `false` nothing. */
export type SchemaNode = JSONSchema | boolean | undefined;

/** What a value should have been, and what it was. */
export interface SchemaViolation {
  expected: string;
  found: string;
}

/**
 * The sub-schema for property `key` of an object under `schema`.
 *
 * @example
 * propertySchema({ properties: { id: { type: 'integer' } } }, 'id'); // { type: 'integer' }
 */
export function propertySchema(schema: SchemaNode, key: string): SchemaNode {
  if (typeof schema !== 'object') return undefined;
  if (schema.properties && Object.hasOwn(schema.properties, key)) return schema.properties[key];
  return schema.additionalProperties;
}

/**
 * The sub-schema for every item of an array under `schema`.
 *
 * @example
 * itemSchema({ items: { type: 'string' } }); // { type: 'string' }
 */
export function itemSchema(schema: SchemaNode): SchemaNode {
  return typeof schema === 'object' ? schema.items : undefined;
}

/**
 * A key the schema forbids (`additionalProperties: false`), caught as soon as the key is complete.
 *
 * @example
 * keyViolation({ properties: { a: {} }, additionalProperties: false }, 'b'); // { expected: 'only the properties "a"', found: '"b"' }
 */
export function keyViolation(schema: SchemaNode, key: string): SchemaViolation | undefined {
  if (typeof schema !== 'object' || schema.additionalProperties !== false) return undefined;
  if (schema.properties && Object.hasOwn(schema.properties, key)) return undefined;
  const allowed = Object.keys(schema.properties ?? {}).map((name) => JSON.stringify(name));
  return {
    expected: allowed.length ? `only the properties ${allowed.join(', ')}` : 'no properties',
    found: JSON.stringify(key),
  };
}

function jsonType(value: unknown): JSONSchemaType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'string' || type === 'boolean' || type === 'object') return type;
  return Number.isInteger(value) ? 'integer' : 'number';
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function typeAllows(schema: JSONSchema, type: JSONSchemaType): boolean {
  if (schema.type === undefined) return true;
  const types: readonly JSONSchemaType[] = typeof schema.type === 'string' ? [schema.type] : schema.type;
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

function typeText(schema: JSONSchema): string {
  return typeof schema.type === 'string' ? schema.type : (schema.type ?? []).join(' or ');
}

/**
 * A container that cannot match its schema whatever it will hold (wrong type, or a `false`
 * schema), caught at its opening bracket.
 *
 * @example
 * openViolation({ type: 'string' }, 'array'); // { expected: 'string', found: 'an array' }
 */
export function openViolation(schema: SchemaNode, type: 'object' | 'array'): SchemaViolation | undefined {
  const found = type === 'array' ? 'an array' : 'an object';
  if (schema === false) return { expected: 'no value here (the schema is false)', found };
  if (typeof schema !== 'object' || typeAllows(schema, type)) return undefined;
  return { expected: typeText(schema), found };
}

function countCodePoints(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // A surrogate pair is one character to JSON Schema.
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
    count++;
  }
  return count;
}

function numberViolation(schema: JSONSchema, value: number): string | undefined {
  if (schema.minimum !== undefined && value < schema.minimum) return `a number >= ${schema.minimum}`;
  if (schema.maximum !== undefined && value > schema.maximum) return `a number <= ${schema.maximum}`;
  if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum)
    return `a number > ${schema.exclusiveMinimum}`;
  if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum)
    return `a number < ${schema.exclusiveMaximum}`;
  return undefined;
}

function stringViolation(schema: JSONSchema, value: string): string | undefined {
  if (schema.minLength === undefined && schema.maxLength === undefined) return undefined;
  const length = countCodePoints(value);
  if (schema.minLength !== undefined && length < schema.minLength)
    return `a string of at least ${schema.minLength} characters`;
  if (schema.maxLength !== undefined && length > schema.maxLength)
    return `a string of at most ${schema.maxLength} characters`;
  return undefined;
}

function ownViolation(schema: JSONSchema, value: unknown): string | undefined {
  const type = jsonType(value);
  if (!typeAllows(schema, type)) return typeText(schema);
  if (schema.const !== undefined && !deepEqual(schema.const, value))
    return `the constant ${JSON.stringify(schema.const)}`;
  if (schema.enum && !schema.enum.some((option) => deepEqual(option, value)))
    return `one of ${schema.enum.map((option) => JSON.stringify(option)).join(', ')}`;
  if (typeof value === 'number') return numberViolation(schema, value);
  if (typeof value === 'string') return stringViolation(schema, value);
  if (type === 'object' && schema.required) {
    const missing = schema.required.filter((key) => !Object.hasOwn(value as object, key));
    if (missing.length) return `the required properties ${missing.map((key) => JSON.stringify(key)).join(', ')}`;
  }
  return undefined;
}

/**
 * Checks one completed value against the keywords of its own sub-schema (its children were
 * checked as they completed, so this never walks into them except for `enum`/`const`).
 *
 * @example
 * schemaViolation({ type: 'integer', minimum: 1 }, 0); // { expected: 'a number >= 1', found: '0' }
 */
export function schemaViolation(schema: SchemaNode, value: unknown): SchemaViolation | undefined {
  if (schema === false) return { expected: 'no value here (the schema is false)', found: describeValue(value) };
  if (typeof schema !== 'object') return undefined;
  const expected = ownViolation(schema, value);
  return expected === undefined ? undefined : { expected, found: describeValue(value) };
}
