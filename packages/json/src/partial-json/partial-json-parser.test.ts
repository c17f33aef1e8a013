import { describe, expect, it } from 'vitest';
import { randomChunks, SAMPLE, streamSample, valueAfter } from '../../test/snapshot-rules.js';
import { createPartialJsonParser } from './index.js';

describe('partial-json adapter', () => {
  it.each([1, 4, 64])(
    'streams the sample in chunks of up to %i characters to JSON.parse’s value, every snapshot a valid partial',
    (max) => {
      const parser = streamSample(createPartialJsonParser, max);
      expect(parser.value()).toStrictEqual(JSON.parse(SAMPLE));
      expect(parser.done()).toBe(true);
    },
  );

  it.each([
    ['{"a":tr', {}],
    ['{"a":-', {}],
    ['{"a":12', {}],
    ['[1,2,', [1, 2]],
    ['{"a', {}],
    ['{"ab":"x\\u00', { ab: 'x' }],
    ['{"ab":"x\\', { ab: 'x' }],
    ['{"a":{"b":[{"c":[true', { a: { b: [{ c: [true] }] } }],
  ])('shows %j as %j: partial strings and containers, no partial numbers or literals', (text, expected) => {
    expect(valueAfter(createPartialJsonParser, text)).toStrictEqual(expected);
  });

  it('shares completed subtrees with the previous snapshot', () => {
    const parser = createPartialJsonParser();
    parser.push('{"done":{"x":[1]},"list":[{"a":1},');
    const first = parser.value() as { done: unknown; list: unknown[] };
    parser.push('{"b":2}]');
    const second = parser.value() as { done: unknown; list: unknown[] };
    expect(second.done).toBe(first.done);
    expect(second.list[0]).toBe(first.list[0]);
    expect(first).toStrictEqual({ done: { x: [1] }, list: [{ a: 1 }] });
  });

  it('reports completions once, in order, when a later sibling or the end proves them', () => {
    const events: string[] = [];
    const parser = createPartialJsonParser({ onPathComplete: (path) => events.push(path.join('.')) });
    for (const chunk of randomChunks('{"a":[1,{"b":"c"}],"d":[[2],3]}', 3, 5)) parser.push(chunk);
    parser.end();
    expect(events).toStrictEqual(['a.0', 'a.1.b', 'a.1', 'a', 'd.0.0', 'd.0', 'd.1', 'd', '']);
  });

  it('gives a clear error for malformed input and keeps what arrived', () => {
    const parser = createPartialJsonParser();
    parser.push('{"a":[1,2],"b":"c"}');
    parser.push('x');
    expect(parser.value()).toStrictEqual({ a: [1, 2], b: 'c' });
    expect(() => parser.end()).toThrow(expect.objectContaining({ kind: 'syntax', retryable: false }));
  });

  it('reports a document that ends early', () => {
    const parser = createPartialJsonParser();
    parser.push('[1,');
    expect(() => parser.end()).toThrow(expect.objectContaining({ kind: 'incomplete', offset: 3 }));
    expect(parser.value()).toStrictEqual([1]);
  });
});
