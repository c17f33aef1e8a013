// What every partial value must obey, checked against the final value: used by the backend tests.

import { expect } from 'vitest';
import type { IncrementalParser, IncrementalParserFactory } from '../src/parser-types.js';

/**
 * Why `partial` is not an allowed partial form of `final`, or undefined when it is.
 *
 * @example breaksPartialRules({ a: 'x' }, { a: 'y' }); // '$.a: string "x" is not a prefix of the final value'
 */
export function breaksPartialRules(partial: unknown, final: unknown, path = '$'): string | undefined {
  if (partial === undefined) return undefined;
  if (typeof partial === 'string') {
    return typeof final === 'string' && final.startsWith(partial)
      ? undefined
      : `${path}: string ${JSON.stringify(partial)} is not a prefix of the final value`;
  }
  if (typeof partial !== 'object' || partial === null) {
    return Object.is(partial, final)
      ? undefined
      : `${path}: ${String(partial)} shown before it was complete (final ${JSON.stringify(final)})`;
  }
  if (Array.isArray(partial)) {
    if (!Array.isArray(final) || partial.length > final.length)
      return `${path}: array does not grow into the final one`;
    for (const [index, item] of partial.entries()) {
      const broken = breaksPartialRules(item, final[index], `${path}[${index}]`);
      if (broken) return broken;
    }
    return undefined;
  }
  if (typeof final !== 'object' || final === null || Array.isArray(final))
    return `${path}: object where the final value is not one`;
  for (const [key, value] of Object.entries(partial)) {
    if (!Object.hasOwn(final, key))
      return `${path}: key ${JSON.stringify(key)} is not a complete key of the final value`;
    const broken = breaksPartialRules(value, (final as Record<string, unknown>)[key], `${path}.${key}`);
    if (broken) return broken;
  }
  return undefined;
}

/**
 * Splits `text` into chunks of 1..max characters, the same split for the same seed.
 *
 * @example randomChunks('{"a":1}', 3, 5); // the same 1-3 character pieces every run
 */
export function randomChunks(text: string, max: number, seed: number): string[] {
  const chunks: string[] = [];
  let state = seed;
  for (let index = 0; index < text.length;) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const size = 1 + (state % max);
    chunks.push(text.slice(index, index + size));
    index += size;
  }
  return chunks;
}

/** A document with every kind of value, escapes, unicode, nesting, `1e+21` and a "__proto__" key. */
export const SAMPLE = `{"__proto__":{"own":"property"},${JSON.stringify({
  title: 'Caf\u00e9 "quoted" \\ back\nline \ud83d\ude00 \u0001',
  items: [
    { id: 1, score: -0.25, big: 1e21, tiny: 2e-7, ok: true, nothing: null, tags: ['a', 'b'] },
    { id: 2, nested: { deeper: [[], {}, [1, [2, [3]]]] }, text: '' },
  ],
  total: 2,
}).slice(1)}`;

/**
 * The value a fresh parser shows once `text` has been pushed.
 *
 * @example valueAfter(createPartialJsonParser, '[1,2,'); // [1, 2]
 */
export function valueAfter(makeParser: IncrementalParserFactory, text: string): unknown {
  const parser = makeParser();
  parser.push(text);
  return parser.value();
}

/**
 * Streams {@link SAMPLE} in chunks of 1..max characters, expecting every snapshot to obey the partial rules; returns the ended parser.
 *
 * @example expect(streamSample(create, 4).value()).toStrictEqual(JSON.parse(SAMPLE));
 */
export function streamSample(makeParser: IncrementalParserFactory, max: number): IncrementalParser {
  const final: unknown = JSON.parse(SAMPLE);
  const parser = makeParser();
  for (const chunk of randomChunks(SAMPLE, max, max)) {
    parser.push(chunk);
    expect(breaksPartialRules(parser.value(), final)).toBeUndefined();
  }
  parser.end();
  return parser;
}
