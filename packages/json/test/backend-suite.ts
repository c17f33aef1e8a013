/**
 * The one test suite every @rill/json backend runs (the default parser, tree-sitter, partial-json).
 *
 * Signature: `runBackendSuite(name: string, makeParser: IncrementalParserFactory, capabilities: BackendCapabilities): void`
 * — call it at the top level of a `*.test.ts` file (load an async backend with top-level await first):
 *
 * @example
 * const createTreeSitterParser = await loadTreeSitterBackend();
 * runBackendSuite('tree-sitter', createTreeSitterParser, { keepsIdentity: true, exactErrorOffsets: false });
 *
 * What it asserts, through the public interface only: the final value equals JSON.parse for
 * fixtures and for random documents cut into random chunks (fast-check); after every chunk the
 * partial value is a prefix-shape of the final one (complete keys, strings that only grow, no
 * unfinished number or literal); value() twice without a push is the same reference; each path
 * completes exactly once, children before parents, the root last; "__proto__" is data; malformed
 * text throws a `syntax` JSONStreamError (by end() at the latest) and keeps what arrived; an early
 * end throws `incomplete`; a push of anything but a string throws `invalid-chunk` and changes nothing;
 * `schema` stops at the first violating value (`schema` error, its path), leaving it out of value(),
 * and `standardSchema` rejects the final value from end(). Errors must be `JSONStreamError` from '../src/errors.js'.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JSONStreamError } from '../src/errors.js';
import type {
  IncrementalParser,
  IncrementalParserFactory,
  IncrementalParserOptions,
  JsonPath,
} from '../src/parser-types.js';
import type { StandardSchemaV1 } from '../src/schema/index.js';
import { incompleteDocuments, jsonDocuments, malformedDocuments } from './json-documents.js';

/** What a backend promises beyond the common contract; the suite checks exactly what is claimed. */
export interface BackendCapabilities {
  /** A completed object or array is the same reference in every later value() (else only deep-equal). */
  keepsIdentity: boolean;
  /** A syntax error is thrown by the push holding the bad character, with that character's offset. */
  exactErrorOffsets: boolean;
  /** fast-check runs per property (default 150). */
  propertyRuns?: number;
}

type Completion = { path: JsonPath; value: unknown };

/**
 * Streams `chunks`, taking a snapshot after each; returns snapshots, completion events and the final value.
 *
 * @example streamChunks(createIncrementalParser, ['[1,', '2]']).final; // [1, 2]
 */
export function streamChunks(
  makeParser: IncrementalParserFactory,
  chunks: readonly string[],
  options: Omit<IncrementalParserOptions, 'onPathComplete'> = {},
) {
  const completions: Completion[] = [];
  const parser = makeParser({
    ...options,
    onPathComplete: (path, value) => completions.push({ path: [...path], value }),
  });
  const snapshots: { value: unknown; completedSoFar: number }[] = [];
  for (const chunk of chunks) {
    parser.push(chunk);
    snapshots.push({ value: parser.value(), completedSoFar: completions.length });
  }
  parser.end();
  return { parser, snapshots, completions, final: parser.value() };
}

/**
 * Cuts `text` at the given positions (taken modulo its length).
 *
 * @example cutAt('[1,2]', [2]); // ['[1', ',2]']
 */
export function cutAt(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((cut) => (text.length ? cut % text.length : 0)))]
    .filter((point) => point > 0)
    .sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const point of points) {
    chunks.push(text.slice(from, point));
    from = point;
  }
  chunks.push(text.slice(from));
  return chunks;
}

function chunksOf(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let index = 0; index < text.length; index += size) chunks.push(text.slice(index, index + size));
  return chunks.length ? chunks : [''];
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

/**
 * The value at `path`, or undefined.
 *
 * @example valueAt({ a: [1, 2] }, ['a', 1]); // 2
 */
export function valueAt(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const key of path) {
    if (!isContainer(node) || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/**
 * Every path in a complete value, children before their parent, the root last.
 *
 * @example allPaths({ a: [1] }); // [['a', 0], ['a'], []]
 */
export function allPaths(value: unknown, path: JsonPath = []): JsonPath[] {
  const paths: JsonPath[] = [];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...allPaths(item, [...path, index])));
  else if (isContainer(value))
    for (const [key, item] of Object.entries(value)) paths.push(...allPaths(item, [...path, key]));
  paths.push(path);
  return paths;
}

/**
 * Why `partial` is not an allowed partial form of `later` (a later snapshot or the final value):
 * strings must be prefixes, scalars equal, containers of the same kind with a subset of keys.
 *
 * @example partialFault([1], [1, 2]); // undefined: an array that grows into the later one
 */
export function partialFault(partial: unknown, later: unknown, path = '$'): string | undefined {
  if (partial === undefined) return undefined;
  if (typeof partial === 'string')
    return typeof later === 'string' && later.startsWith(partial)
      ? undefined
      : `${path}: ${JSON.stringify(partial)} does not grow into ${JSON.stringify(later)}`;
  if (!isContainer(partial))
    return Object.is(partial, later)
      ? undefined
      : `${path}: ${JSON.stringify(partial)} shown but later ${JSON.stringify(later)}`;
  if (!isContainer(later) || Array.isArray(partial) !== Array.isArray(later)) return `${path}: container changed kind`;
  if (Array.isArray(partial) && partial.length > (later as unknown[]).length) return `${path}: array shrank`;
  for (const key of Object.keys(partial)) {
    if (!Object.hasOwn(later, key)) return `${path}: key ${JSON.stringify(key)} vanished or was never whole`;
    const fault = partialFault(
      (partial as Record<string, unknown>)[key],
      (later as Record<string, unknown>)[key],
      `${path}[${JSON.stringify(key)}]`,
    );
    if (fault) return fault;
  }
  return undefined;
}

function expectStreamInvariants(
  makeParser: IncrementalParserFactory,
  text: string,
  chunks: readonly string[],
  keepsIdentity: boolean,
): void {
  const expected: unknown = JSON.parse(text);
  const { snapshots, completions, final } = streamChunks(makeParser, chunks);
  expect(final).toEqual(expected);
  let previous: unknown;
  for (const snapshot of snapshots) {
    expect(partialFault(previous, snapshot.value)).toBeUndefined();
    expect(partialFault(snapshot.value, expected)).toBeUndefined();
    previous = snapshot.value;
    // Every container completed so far keeps its identity (or at least its content) in this snapshot.
    for (const { path, value } of completions.slice(0, snapshot.completedSoFar)) {
      if (!isContainer(value)) continue;
      if (keepsIdentity) expect(valueAt(snapshot.value, path)).toBe(value);
      else expect(valueAt(snapshot.value, path)).toEqual(value);
    }
  }
  const key = (path: JsonPath) => JSON.stringify(path);
  expect(completions.map((c) => key(c.path)).sort()).toEqual(allPaths(expected).map(key).sort());
  expect(completions.at(-1)?.path).toEqual([]);
  const seenAt = new Map(completions.map((c, index) => [key(c.path), index]));
  for (const [index, { path, value }] of completions.entries()) {
    // A value completes after everything inside it.
    if (path.length) expect(seenAt.get(key(path.slice(0, -1)))).toBeGreaterThan(index);
    expect(value).toEqual(valueAt(expected, path));
    if (keepsIdentity) expect(valueAt(final, path)).toBe(isContainer(value) ? value : valueAt(final, path));
  }
}

function pushAll(parser: IncrementalParser, chunks: readonly string[], afterEach?: () => void): unknown {
  try {
    for (const chunk of chunks) {
      parser.push(chunk);
      afterEach?.();
    }
    parser.end();
  } catch (error) {
    return error;
  }
  return undefined;
}

/**
 * Registers the shared backend tests under `describe(name)`.
 *
 * @example runBackendSuite('createIncrementalParser', createIncrementalParser, { keepsIdentity: true, exactErrorOffsets: true });
 */
export function runBackendSuite(
  name: string,
  makeParser: IncrementalParserFactory,
  capabilities: BackendCapabilities,
): void {
  const runs = capabilities.propertyRuns ?? 150;

  describe(`${name}: shared backend suite`, () => {
    describe.each(Object.entries(jsonDocuments))('%s', (_label, text) => {
      it.each([1, 2, 3, 7, 64, text.length || 1])(
        'streams in chunks of %i to what JSON.parse gives, obeying the partial rules',
        (size) => {
          expectStreamInvariants(makeParser, text, chunksOf(text, size), capabilities.keepsIdentity);
        },
      );
    });

    it('returns undefined before any value and the same reference until the next push', () => {
      const parser = makeParser();
      expect(parser.value()).toBeUndefined();
      parser.push('{"a":[1,{"b":"x');
      const first = parser.value();
      expect(parser.value()).toBe(first);
      expect(first).toEqual({ a: [1, { b: 'x' }] });
      parser.push('y');
      expect(parser.value()).not.toBe(first);
      expect(parser.value()).toEqual({ a: [1, { b: 'xy' }] });
    });

    it('shows only whole keys, whole numbers and whole literals', () => {
      const parser = makeParser();
      const steps: [string, unknown][] = [
        ['{"ke', {}],
        ['y":', {}],
        ['12', {}],
        ['3,"t":tr', { key: 123 }],
        ['ue,"n":[-', { key: 123, t: true, n: [] }],
        ['4.5e', { key: 123, t: true, n: [] }],
        ['2,nu', { key: 123, t: true, n: [-450] }],
        ['ll]}', { key: 123, t: true, n: [-450, null] }],
      ];
      for (const [chunk, expected] of steps) {
        parser.push(chunk);
        expect(parser.value()).toEqual(expected);
      }
      expect(parser.done()).toBe(true);
    });

    it('never shows half an escape or half a surrogate pair', () => {
      const text = '["a\\n\\u00e9\\ud83d\\ude00z"]';
      const { snapshots, final } = streamChunks(makeParser, chunksOf(text, 1));
      const shown = snapshots
        .map((s) => (s.value as string[] | undefined)?.[0])
        .filter((s): s is string => s !== undefined);
      expect(final).toEqual(['a\né😀z']);
      for (const partial of shown) {
        expect('a\né😀z'.startsWith(partial)).toBe(true);
        expect(partial).not.toMatch(/\\|[\ud800-\udbff]$/);
      }
    });

    it('keeps "__proto__" as an own data property, as JSON.parse does', () => {
      const { final } = streamChunks(makeParser, chunksOf('{"__proto__":{"polluted":true},"a":1}', 3));
      const object = final as Record<string, unknown>;
      expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
      expect(Object.hasOwn(object, '__proto__')).toBe(true);
      expect(object['__proto__']).toEqual({ polluted: true });
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(final).toEqual(JSON.parse('{"__proto__":{"polluted":true},"a":1}'));
    });

    describe.each(malformedDocuments)('malformed: $name', ({ text, offset }) => {
      it('throws a syntax JSONStreamError and keeps what arrived before it', () => {
        const parser = makeParser();
        const error = pushAll(parser, chunksOf(text, 1));
        expect(error).toBeInstanceOf(JSONStreamError);
        const streamError = error as JSONStreamError;
        expect(streamError.kind).toBe('syntax');
        expect(streamError.retryable).toBe(false);
        expect(streamError.message.length).toBeGreaterThan(10);
        if (capabilities.exactErrorOffsets) {
          expect(streamError.offset).toBe(offset);
          expect(streamError.expected).not.toBe('');
        }
        expect(() => parser.value()).not.toThrow();
        expect(() => parser.end()).toThrow(JSONStreamError);
      });
    });

    it('keeps the values before a syntax error', () => {
      const parser = makeParser();
      expect(pushAll(parser, chunksOf('{"a":1,"b":[2,"c"],"d":[3,x', 2))).toBeInstanceOf(JSONStreamError);
      expect(parser.value()).toMatchObject({ a: 1, b: [2, 'c'] });
      expect(() => parser.end()).toThrow(JSONStreamError);
    });

    it.each(incompleteDocuments)('end() on %j throws an incomplete JSONStreamError', (text) => {
      const parser = makeParser();
      parser.push(text);
      let caught: unknown;
      try {
        parser.end();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(JSONStreamError);
      expect((caught as JSONStreamError).kind).toBe('incomplete');
      expect((caught as JSONStreamError).offset).toBe(text.length);
    });

    it('keeps parsing when an onPathComplete listener throws, and rethrows its error from that push', () => {
      const boom = new Error('listener failed');
      const seen: unknown[] = [];
      const parser = makeParser({
        onPathComplete: (_path, value) => {
          seen.push(value);
          if (value === 1) throw boom;
        },
      });
      expect(() => parser.push('[1,2,"x')).toThrow(boom);
      expect(seen).toEqual([1, 2]);
      parser.push('"]');
      parser.end();
      expect(parser.value()).toEqual([1, 2, 'x']);
      expect(seen).toEqual([1, 2, 'x', [1, 2, 'x']]);
    });

    it('rejects input after end() with a syntax JSONStreamError at the end offset, keeping the value', () => {
      const parser = makeParser();
      parser.push('{"a":[1,2]}');
      parser.end();
      parser.push('');
      expect(() => parser.push(' {}')).toThrow(
        expect.objectContaining({
          name: 'JSONStreamError',
          kind: 'syntax',
          offset: 11,
          expected: 'no input after end()',
          found: ' ',
        }),
      );
      expect(parser.value()).toEqual({ a: [1, 2] });
    });

    it('rejects a push of anything but a string with an invalid-chunk JSONStreamError and carries on as if it never happened', () => {
      const parser = makeParser();
      parser.push('{"a":[1,"x');
      const before = parser.value();
      const bad: [unknown, string][] = [
        [undefined, 'undefined'],
        [null, 'null'],
        [42, 'number 42'],
        [{ length: 1 }, 'object'],
        [new TextEncoder().encode('y"]}'), 'object'],
      ];
      for (const [chunk, found] of bad) {
        let caught: unknown;
        try {
          parser.push(chunk as string);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(JSONStreamError);
        expect(caught).toMatchObject({
          kind: 'invalid-chunk',
          offset: 10,
          found,
          expected: 'a string',
          retryable: false,
        });
        expect((caught as JSONStreamError).message).toBe(
          `push() takes a string, got ${found} (offset 10): nothing was consumed`,
        );
      }
      expect(parser.value()).toEqual(before);
      parser.push('y"]}');
      parser.end();
      expect(parser.value()).toEqual({ a: [1, 'xy'] });
      expect(() => parser.push(undefined as unknown as string)).toThrow(
        expect.objectContaining({ name: 'JSONStreamError', kind: 'invalid-chunk', offset: 14 }),
      );
    });

    it('property: random documents in random chunks stream to JSON.parse, strings only grow, completed values keep identity, every path completes once, root last', () => {
      const documents = fc.oneof(
        fc.json({ maxDepth: 4 }),
        fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }).map((value) => JSON.stringify(value, null, 2)),
        // Every non-ASCII character as a \u escape, surrogate pairs split across two escapes.
        fc
          .jsonValue({ maxDepth: 3, stringUnit: 'binary' })
          .map((value) =>
            JSON.stringify(value).replace(
              /[\u007f-\uffff]/g,
              (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
            ),
          ),
      );
      fc.assert(
        fc.property(documents, fc.array(fc.nat({ max: 10_000 }), { maxLength: 40 }), (text, cuts) => {
          expectStreamInvariants(makeParser, text, cutAt(text, cuts), capabilities.keepsIdentity);
        }),
        { numRuns: runs },
      );
    });

    describe('schemas', () => {
      const itemsSchema = {
        type: 'object',
        properties: {
          items: {
            type: 'array',
            items: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] },
          },
        },
      } as const;

      it('stops at the first completed value that breaks the JSON Schema, naming its path, and leaves that value out', () => {
        const parser = makeParser({ schema: itemsSchema });
        const text = '{"items":[{"id":1},{"id":2.5},{"id":3}]}';
        let pushed = 0;
        let error: unknown;
        try {
          for (const chunk of chunksOf(text, 1)) {
            pushed++;
            parser.push(chunk);
            parser.value();
          }
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(JSONStreamError);
        expect(error).toMatchObject({
          kind: 'schema',
          path: ['items', 1, 'id'],
          expected: 'integer',
          found: '2.5',
          retryable: false,
        });
        // Early stop: right after the number, or (a backend with late events) once the next item begins.
        expect(pushed).toBeLessThanOrEqual(
          capabilities.exactErrorOffsets ? text.indexOf('2.5') + 4 : text.indexOf('{"id":3') + 1,
        );
        expect(parser.value()).toEqual({ items: [{ id: 1 }, {}] });
        expect(parser.done()).toBe(false);
        expect(() => parser.push('')).toThrow(error as JSONStreamError);
        expect(() => parser.end()).toThrow(error as JSONStreamError);
      });

      it.each([
        [
          'a string shown while it grew, then too long',
          { type: 'object', properties: { name: { type: 'string', maxLength: 3 } } },
          '{"id":1,"name":"abcdef","x":1}',
          ['name'],
          { id: 1 },
        ],
        [
          'an object that closes without a required key',
          { type: 'array', items: { type: 'object', required: ['id'] } },
          '[{"id":1},{"name":"n"},{"id":3}]',
          [1],
          [{ id: 1 }],
        ],
        [
          'a key additionalProperties forbids',
          { type: 'object', additionalProperties: false, properties: { a: {} } },
          '{"a":[1],"b":2}',
          ['b'],
          { a: [1] },
        ],
        ['the root of the wrong type', { type: 'array' }, '{"a":"x"}', [], undefined],
      ] as const)('leaves out %s, keeping what came before it', (_label, schema, text, path, before) => {
        for (const size of [1, 3, text.length]) {
          const parser = makeParser({ schema });
          const error = pushAll(parser, chunksOf(text, size), () => parser.value());
          expect(error).toMatchObject({ name: 'JSONStreamError', kind: 'schema', path });
          expect(parser.value()).toEqual(before);
        }
      });

      it('checks a Standard Schema on the final value in end(), keeping the value', () => {
        const standardSchema: StandardSchemaV1 = {
          '~standard': {
            version: 1,
            vendor: 'test',
            validate: (value) =>
              (value as { id?: unknown }).id === 1
                ? { value }
                : { issues: [{ message: 'id must be 1', path: ['id'] }] },
          },
        };
        const good = makeParser({ standardSchema });
        expect(pushAll(good, ['{"id":', '1}'])).toBeUndefined();
        const bad = makeParser({ standardSchema });
        const error = pushAll(bad, ['{"id":', '2}']);
        expect(error).toMatchObject({ name: 'JSONStreamError', kind: 'schema', path: ['id'], offset: 8 });
        expect((error as Error).message).toContain('id must be 1');
        expect(bad.value()).toEqual({ id: 2 });
        expect(() => bad.end()).toThrow(error as JSONStreamError);
      });
    });
  });
}
