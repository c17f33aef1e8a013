import type { JsonPath } from '../parser-types.js';

type ArrayFrame = { kind: 'array'; items: unknown[]; expect: 'first' | 'value' | 'comma' };
type ObjectFrame = {
  kind: 'object';
  entries: Record<string, unknown>;
  key: string | undefined;
  expect: 'first' | 'key' | 'colon' | 'value' | 'comma';
};
type Frame = ArrayFrame | ObjectFrame;

/** Sets an own property even for "__proto__", as JSON.parse does. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/**
 * The JSON grammar over already-lexed tokens: keeps the open containers, commits each value
 * once (so completed values keep their identity), reports completions and builds snapshots.
 * Each token method returns false, changing nothing, when the token cannot stand where it is.
 *
 * @example
 * const b = new ValueBuilder((path, v) => log(path, v));
 * b.open('array'); b.value(1); b.snapshot(); // [1]
 */
export class ValueBuilder {
  private readonly frames: Frame[] = [];
  private root: { value: unknown } | undefined;

  constructor(private readonly onComplete?: (path: JsonPath, value: unknown) => void) {}

  /** True once the root value is complete. @example b.complete() */
  complete(): boolean {
    return this.root !== undefined;
  }

  /** True where a value may start (so a string here is a value, not a key). @example b.expectsValue() */
  expectsValue(): boolean {
    const top = this.frames[this.frames.length - 1];
    if (!top) return this.root === undefined;
    return top.kind === 'array' ? top.expect !== 'comma' : top.expect === 'value';
  }

  /** True where an object key may start. @example b.expectsKey() */
  expectsKey(): boolean {
    const top = this.frames[this.frames.length - 1];
    return top?.kind === 'object' && (top.expect === 'first' || top.expect === 'key');
  }

  /** Opens `{` or `[`. @example b.open('object') */
  open(kind: 'array' | 'object'): boolean {
    if (!this.expectsValue()) return false;
    this.frames.push(kind === 'array' ? { kind, items: [], expect: 'first' } : { kind, entries: {}, key: undefined, expect: 'first' });
    return true;
  }

  /** Closes the innermost container with `}` or `]`. @example b.close('array') */
  close(kind: 'array' | 'object'): boolean {
    const top = this.frames[this.frames.length - 1];
    if (top?.kind !== kind || !(top.expect === 'first' || top.expect === 'comma')) return false;
    this.frames.pop();
    return this.commit(top.kind === 'array' ? top.items : top.entries, false);
  }

  /** The `:` after a key. @example b.colon() */
  colon(): boolean {
    const top = this.frames[this.frames.length - 1];
    if (top?.kind !== 'object' || top.expect !== 'colon') return false;
    top.expect = 'value';
    return true;
  }

  /** The `,` between members. @example b.comma() */
  comma(): boolean {
    const top = this.frames[this.frames.length - 1];
    if (!top || top.expect !== 'comma') return false;
    top.expect = top.kind === 'array' ? 'value' : 'key';
    return true;
  }

  /** An object key. @example b.key('name') */
  key(key: string): boolean {
    const top = this.frames[this.frames.length - 1];
    if (top?.kind !== 'object' || !(top.expect === 'first' || top.expect === 'key')) return false;
    top.key = key;
    top.expect = 'colon';
    return true;
  }

  /**
   * A complete value where one is expected; `nested` says it may hold containers whose own
   * completions were not reported yet (a subtree taken whole).
   * @example b.value('text')
   */
  value(value: unknown, nested = false): boolean {
    if (!this.expectsValue()) return false;
    return this.commit(value, nested);
  }

  /**
   * The best partial value: open containers are copied (they change later), completed values
   * are shared; `tail` is a partial string being written where a value is expected.
   * @example b.snapshot() // { a: [1, 2] } while `{"a":[1,2,` has arrived
   */
  snapshot(tail?: { value: string }): unknown {
    if (this.root) return this.root.value;
    let child: { value: unknown } | undefined = tail && this.expectsValue() ? tail : undefined;
    for (let depth = this.frames.length - 1; depth >= 0; depth--) {
      const frame = this.frames[depth] as Frame;
      if (frame.kind === 'array') {
        const items = frame.items.slice();
        if (child) items.push(child.value);
        child = { value: items };
      } else {
        const entries = { ...frame.entries };
        if (child && frame.key !== undefined && frame.expect === 'value') define(entries, frame.key, child.value);
        child = { value: entries };
      }
    }
    return child?.value;
  }

  private commit(value: unknown, nested: boolean): boolean {
    const top = this.frames[this.frames.length - 1];
    if (this.onComplete) {
      const path = this.path();
      if (nested) this.reportInside(path, value);
      this.onComplete(path, value);
    }
    if (!top) this.root = { value };
    else if (top.kind === 'array') {
      top.items.push(value);
      top.expect = 'comma';
    } else {
      define(top.entries, top.key ?? '', value);
      top.key = undefined;
      top.expect = 'comma';
    }
    return true;
  }

  /** What may come next, in words, for error messages. @example b.expected() // '"," or "]"' */
  expected(): string {
    const top = this.frames[this.frames.length - 1];
    if (!top) return this.root ? 'the end of the input' : 'a JSON value';
    if (top.kind === 'array') return { first: 'a value or "]"', value: 'a value', comma: '"," or "]"' }[top.expect];
    return { first: 'a key or "}"', key: 'a key (a string)', colon: '":"', value: 'a value', comma: '"," or "}"' }[top.expect];
  }

  /** The path of the value being written now. @example b.path() // ['items', 3] */
  path(): JsonPath {
    const path: JsonPath = [];
    for (const frame of this.frames) {
      // Between members the innermost container itself is the place.
      if (frame.kind === 'array' && frame.expect !== 'comma') path.push(frame.items.length);
      else if (frame.kind === 'object' && frame.key !== undefined) path.push(frame.key);
    }
    return path;
  }

  // Children complete before their parent, in document order, as a streaming parser reports them.
  private reportInside(path: JsonPath, value: unknown): void {
    if (typeof value !== 'object' || value === null || !this.onComplete) return;
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
    for (const [key, child] of entries) {
      const childPath = [...path, key];
      this.reportInside(childPath, child);
      this.onComplete(childPath, child);
    }
  }
}
