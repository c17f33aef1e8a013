import { beforeAll, describe, expect, it } from 'vitest';
import { randomChunks, SAMPLE, streamSample, valueAfter } from '../../test/snapshot-rules.js';
import { loadTreeSitterBackend } from './index.js';

let create: Awaited<ReturnType<typeof loadTreeSitterBackend>>;
beforeAll(async () => {
  create = await loadTreeSitterBackend();
});

const after = (text: string): unknown => valueAfter(create, text);

describe('tree-sitter backend', () => {
  it.each([1, 3, 17, 200])(
    'streams the sample in chunks of up to %i characters to JSON.parse’s value, every snapshot a valid partial',
    (max) => {
      const parser = streamSample(create, max);
      expect(parser.value()).toStrictEqual(JSON.parse(SAMPLE));
      expect(parser.done()).toBe(true);
      expect(Object.hasOwn(parser.value() as object, '__proto__')).toBe(true);
    },
  );

  it('reads exponents with a + sign, which the tree-sitter grammar rejects', () => {
    expect(after('{"a":1e+21,"b":[2E+3, -1.5e-2]}')).toStrictEqual({ a: 1e21, b: [2000, -0.015] });
    expect(after(JSON.stringify([1e21, 5e300]))).toStrictEqual([1e21, 5e300]);
  });

  it.each([
    ['{"a":tr', {}],
    ['{"a":-', {}],
    ['{"a":12', {}],
    ['{"a":12 ', { a: 12 }],
    ['[1,2,', [1, 2]],
    ['{"a', {}],
    ['{"a":', {}],
    ['{"ab":"x\\u00', { ab: 'x' }],
    ['{"ab":"x\\', { ab: 'x' }],
    ['{"a":"abc', { a: 'abc' }],
    ['{"a":{"b":[{"c":[true', { a: { b: [{ c: [true] }] } }],
    ['[1e', []],
  ])('turns the ERROR/MISSING tree of %j into the partial value %j', (text, expected) => {
    expect(after(text)).toStrictEqual(expected);
  });

  it('keeps completed values as the same objects across pushes, and one reference until the next push', () => {
    const parser = create();
    parser.push('{"done":{"x":[1]},"list":[{"a":1},');
    const first = parser.value() as { done: unknown; list: unknown[] };
    expect(parser.value()).toBe(first);
    parser.push('{"b":2}]');
    const second = parser.value() as { done: unknown; list: unknown[] };
    expect(second).not.toBe(first);
    expect(second.done).toBe(first.done);
    expect(second.list[0]).toBe(first.list[0]);
    expect(first).toStrictEqual({ done: { x: [1] }, list: [{ a: 1 }] });
  });

  it('reports each value once when it completes, children first, the root last', () => {
    const events: [unknown[], unknown][] = [];
    const parser = create({ onPathComplete: (path, value) => events.push([path, value]) });
    parser.push('{"a":[1,{"b":"c"}],"d":');
    expect(events.map(([path]) => path)).toStrictEqual([['a', 0], ['a', 1, 'b'], ['a', 1], ['a']]);
    parser.push('null}');
    parser.end();
    expect(events.slice(4)).toStrictEqual([
      [['d'], null],
      [[], { a: [1, { b: 'c' }], d: null }],
    ]);
  });

  it('reports a whole subtree that arrives in one chunk, and the same events for any chunking', () => {
    const paths = (chunks: string[]): string[] => {
      const seen: string[] = [];
      const parser = create({ onPathComplete: (path) => seen.push(JSON.stringify(path)) });
      for (const chunk of chunks) parser.push(chunk);
      parser.end();
      return seen;
    };
    expect(paths(randomChunks(SAMPLE, 5, 9))).toStrictEqual(paths([SAMPLE]));
  });

  it('gives a clear error for bad input and keeps what arrived', () => {
    const parser = create();
    parser.push('{"a":[1,2],"b":}');
    expect(parser.value()).toStrictEqual({ a: [1, 2] });
    expect(() => parser.end()).toThrow(
      expect.objectContaining({
        kind: 'syntax',
        offset: 15,
        found: '}',
        expected: 'a value',
        path: ['b'],
        retryable: false,
      }),
    );
    expect(parser.value()).toStrictEqual({ a: [1, 2] });
  });

  it.each([
    ['{"a":1} x', { kind: 'syntax', found: 'x', expected: 'the end of the input' }],
    ['[truex]', { kind: 'syntax', found: 'x', offset: 5 }],
    ['["a\\q"]', { kind: 'syntax', found: 'q', offset: 4 }],
    ['["a\tb"]', { kind: 'syntax', found: '\t', offset: 3 }],
    ['[1, // note\n 2]', { kind: 'syntax', found: '/', offset: 4 }],
    ['[1.]', { kind: 'syntax', found: ']', offset: 3 }],
    ['"\\u12G4"', { kind: 'syntax', found: 'G', offset: 5 }],
    ['1.', { kind: 'incomplete', offset: 2 }],
    ['{"a":1', { kind: 'incomplete', expected: '"," or "}"', path: [] }],
    ['{"a":"b', { kind: 'incomplete', expected: 'the closing quote of the string' }],
    ['', { kind: 'incomplete', expected: 'a JSON value' }],
  ])('rejects %j, including what tree-sitter-json would accept', (text, error) => {
    const parser = create();
    parser.push(text);
    expect(() => parser.end()).toThrow(expect.objectContaining(error));
  });

  it('throws from push once the error is known, with a listener attached', () => {
    const parser = create({ onPathComplete: () => undefined });
    expect(() => parser.push('[1,,')).toThrow(expect.objectContaining({ kind: 'syntax', found: ',', offset: 3 }));
    expect(parser.value()).toStrictEqual([1]);
  });

  it('loads from explicit URLs, as a Vite page passes them', async () => {
    const factory = await loadTreeSitterBackend({
      runtimeWasmUrl: new URL(import.meta.resolve('web-tree-sitter/web-tree-sitter.wasm')),
      grammarWasmUrl: new URL(import.meta.resolve('tree-sitter-json/tree-sitter-json.wasm')),
    });
    const parser = factory();
    parser.push('{"ok":true}');
    expect(parser.value()).toStrictEqual({ ok: true });
  });
});
