import { describe, expect, it } from 'vitest';
import { JSONStreamError, createIncrementalParser } from '../index.js';

function caught(run: () => void): JSONStreamError {
  try {
    run();
  } catch (error) {
    if (error instanceof JSONStreamError) return error;
    throw error;
  }
  throw new Error('expected a JSONStreamError');
}

/**
 * Runs `run` and returns the length of the longest string a String.prototype method was called on
 * meanwhile: reading any character of a V8 rope copies the whole string, so this is the cost to watch.
 */
function longestStringRead(run: () => void): number {
  const proto = String.prototype as unknown as Record<PropertyKey, unknown>;
  const originals = new Map<PropertyKey, (...args: unknown[]) => unknown>();
  let longest = 0;
  for (const name of Reflect.ownKeys(String.prototype)) {
    const method = proto[name];
    if (typeof method !== 'function' || name === 'constructor') continue;
    originals.set(name, method as (...args: unknown[]) => unknown);
    proto[name] = function (this: string, ...args: unknown[]): unknown {
      longest = Math.max(longest, this.length);
      return (method as (...args: unknown[]) => unknown).apply(this, args);
    };
  }
  try {
    run();
  } finally {
    for (const [name, method] of originals) proto[name] = method;
  }
  return longest;
}

describe('createIncrementalParser snapshots', () => {
  it('snapshots a growing open string without reading what it showed before (O(new characters) per value())', () => {
    const parser = createIncrementalParser();
    parser.push('{"log":"');
    // Raw text, an escape, and a surrogate pair split between two pushes, 64 times.
    const pieces = ['a'.repeat(996) + '\\n\uD83D', '\uDE00' + 'b'.repeat(998)];
    let longest = 0;
    let shown = '';
    for (let i = 0; i < 64; i++) {
      parser.push(pieces[i % 2] ?? '');
      longest = Math.max(
        longest,
        longestStringRead(() => (shown = (parser.value() as { log: string }).log)),
      );
    }
    const whole = `${'a'.repeat(996)}\n😀${'b'.repeat(998)}`.repeat(32);
    expect(shown).toBe(whole);
    expect(longest).toBeLessThanOrEqual(1000);
    parser.push('"}');
    expect(parser.value()).toEqual({ log: whole });
  });

  it('shares completed values with earlier snapshots and rebuilds only the open path', () => {
    const parser = createIncrementalParser();
    parser.push('{"done":{"x":[1,2]},"list":[{"a":1},');
    const first = parser.value() as { done: object; list: object[] };
    parser.push('{"b":"hel');
    const second = parser.value() as { done: object; list: object[] };
    expect(second).not.toBe(first);
    expect(second.done).toBe(first.done);
    expect(second.list[0]).toBe(first.list[0]);
    expect(second).toEqual({ done: { x: [1, 2] }, list: [{ a: 1 }, { b: 'hel' }] });
  });

  it('keeps the same reference when a push changes nothing visible (whitespace, half a number or key)', () => {
    const parser = createIncrementalParser();
    parser.push('{"a":[1,');
    const first = parser.value();
    parser.push(' 2');
    expect(parser.value()).toBe(first);
    parser.push('3], "ke');
    expect(parser.value()).toEqual({ a: [1, 23] });
  });

  it('never mutates a snapshot it has handed out', () => {
    const parser = createIncrementalParser();
    parser.push('{"a":[1,{"b":"x');
    const snapshot = parser.value();
    const copy = structuredClone(snapshot);
    parser.push('yz"},3],"c":{"d":true}}');
    parser.end();
    expect(snapshot).toEqual(copy);
    expect(parser.value()).toEqual({ a: [1, { b: 'xyz' }, 3], c: { d: true } });
  });

  it('reports completed values that stay untouched and identical to the final tree', () => {
    const completed = new Map<string, unknown>();
    const parser = createIncrementalParser({
      onPathComplete: (path, value) => completed.set(JSON.stringify(path), value),
    });
    parser.push('{"a":{"b":[1]},"c":');
    const inner = completed.get('["a"]');
    expect(inner).toEqual({ b: [1] });
    parser.push('2}');
    expect((parser.value() as { a: unknown }).a).toBe(inner);
    expect(inner).toEqual({ b: [1] });
    expect(completed.get('[]')).toBe(parser.value());
  });

  it('reads numbers exactly as JSON.parse does, and a root number only at end()', () => {
    const parser = createIncrementalParser();
    parser.push('-0');
    expect(parser.value()).toBeUndefined();
    expect(parser.done()).toBe(false);
    parser.end();
    expect(Object.is(parser.value(), -0)).toBe(true);
    for (const text of ['1e400', '0.1', '123456789012345678901234567890', '-1.5E-7']) {
      const each = createIncrementalParser();
      each.push(text);
      each.end();
      expect(each.value()).toBe(JSON.parse(text));
    }
  });

  it('lets the last of duplicate keys win, as JSON.parse does', () => {
    const parser = createIncrementalParser();
    parser.push('{"a":1,"b":2,"a":3}');
    expect(parser.value()).toEqual(JSON.parse('{"a":1,"b":2,"a":3}'));
    expect(Object.keys(parser.value() as object)).toEqual(['a', 'b']);
  });

  it('handles nesting far deeper than the call stack allows for recursive parsers', () => {
    const depth = 100_000;
    const parser = createIncrementalParser();
    parser.push('['.repeat(depth));
    expect(Array.isArray(parser.value())).toBe(true);
    parser.push(']'.repeat(depth));
    parser.end();
    expect(parser.done()).toBe(true);
  });
});

describe('createIncrementalParser errors', () => {
  it('names the offset, the path and what was expected', () => {
    const parser = createIncrementalParser();
    parser.push('{"items":[{"id":1},');
    const error = caught(() => parser.push('{"id" 2}]}'));
    expect(error).toMatchObject({
      kind: 'syntax',
      offset: 25,
      path: ['items', 1, 'id'],
      expected: '":"',
      found: '2',
      retryable: false,
    });
    expect(error.message).toBe('Unexpected "2" ($.items[1].id, offset 25): expected ":"');
  });

  it('keeps what arrived and repeats the same error on later calls', () => {
    const parser = createIncrementalParser();
    parser.push('{"a":"ok","b":[1,');
    const before = parser.value();
    const error = caught(() => parser.push('2,]'));
    expect(error.offset).toBe(19);
    expect(parser.value()).toEqual({ a: 'ok', b: [1, 2] });
    expect(parser.value()).not.toBe(before);
    expect(caught(() => parser.push('3]}'))).toBe(error);
    expect(caught(() => parser.end())).toBe(error);
    expect(parser.done()).toBe(false);
  });

  it('says what the document still needed when it ends early', () => {
    const parser = createIncrementalParser();
    parser.push('{"a":"x\\u00');
    const error = caught(() => parser.end());
    expect(error).toMatchObject({
      kind: 'incomplete',
      offset: 11,
      path: ['a'],
      expected: 'a hex digit of a \\u escape',
    });
    expect(error.message).toBe('The JSON ended early ($.a, offset 11): expected a hex digit of a \\u escape');
  });

  it('rejects input after the document and after end()', () => {
    const parser = createIncrementalParser();
    parser.push('[1] ');
    expect(caught(() => parser.push(' ,'))).toMatchObject({
      kind: 'syntax',
      offset: 5,
      expected: 'the end of input',
      found: ',',
    });
    const ended = createIncrementalParser();
    ended.push('{}');
    ended.end();
    expect(caught(() => ended.push('{}'))).toMatchObject({
      kind: 'syntax',
      offset: 2,
      expected: 'no input after end()',
    });
  });

  it('rejects raw control characters inside strings, as JSON.parse does', () => {
    const parser = createIncrementalParser();
    expect(caught(() => parser.push('["tab\there"]'))).toMatchObject({ kind: 'syntax', offset: 5, path: [0] });
    expect(parser.value()).toEqual(['tab']);
  });

  it('reports later faults at the right offset after an onPathComplete listener threw', () => {
    const boom = new Error('listener failed');
    const parser = createIncrementalParser({
      onPathComplete: (_path, value) => {
        if (value === 1) throw boom;
      },
    });
    expect(() => parser.push('[1,2,')).toThrow(boom);
    expect(caught(() => parser.push('x'))).toMatchObject({ kind: 'syntax', offset: 5, path: [2] });
  });
});
