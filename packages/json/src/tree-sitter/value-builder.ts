import { ContainerStack, NOTHING } from '../container-stack.js';
import type { JsonPath } from '../parser-types.js';

/** What an open container waits for next: the grammar's state, beside the values the container stack holds. */
type Expect = 'first' | 'key' | 'colon' | 'value' | 'comma';

/**
 * The JSON grammar over already-lexed tokens: keeps the open containers (in the container stack
 * the incremental parser uses too), commits each value once (so completed values keep their
 * identity), reports completions and builds snapshots.
 * Each token method returns false, changing nothing, when the token cannot stand where it is.
 *
 * @example
 * const b = new ValueBuilder((path, v) => log(path, v));
 * b.open('array'); b.value(1); b.snapshot(); // [1]
 */
export class ValueBuilder {
  private readonly stack = new ContainerStack();
  /** `expects[d]`: what the container open at depth `d` waits for. */
  private readonly expects: Expect[] = [];
  private root: { value: unknown } | undefined;

  constructor(private readonly onComplete?: (path: JsonPath, value: unknown) => void) {}

  /** True once the root value is complete. @example b.complete() */
  complete(): boolean {
    return this.root !== undefined;
  }

  /** True where a value may start (so a string here is a value, not a key). @example b.expectsValue() */
  expectsValue(): boolean {
    const top = this.stack.top();
    if (!top) return this.root === undefined;
    const expect = this.expecting();
    return top.isArray ? expect !== 'comma' : expect === 'value';
  }

  /** True where an object key may start. @example b.expectsKey() */
  expectsKey(): boolean {
    const expect = this.expecting();
    return this.stack.top()?.isArray === false && (expect === 'first' || expect === 'key');
  }

  /** Opens `{` or `[`. @example b.open('object') */
  open(kind: 'array' | 'object'): boolean {
    if (!this.expectsValue()) return false;
    this.stack.open(kind === 'array', undefined, undefined);
    this.expects[this.stack.depth - 1] = 'first';
    return true;
  }

  /** Closes the innermost container with `}` or `]`. @example b.close('array') */
  close(kind: 'array' | 'object'): boolean {
    const top = this.stack.top();
    const expect = this.expecting();
    if (top?.isArray !== (kind === 'array') || !(expect === 'first' || expect === 'comma')) return false;
    return this.commit(this.stack.close(), false);
  }

  /** The `:` after a key. @example b.colon() */
  colon(): boolean {
    const top = this.stack.top();
    if (top?.isArray !== false || this.expecting() !== 'colon') return false;
    top.hasKey = true;
    this.expect('value');
    return true;
  }

  /** The `,` between members. @example b.comma() */
  comma(): boolean {
    const top = this.stack.top();
    if (!top || this.expecting() !== 'comma') return false;
    this.expect(top.isArray ? 'value' : 'key');
    return true;
  }

  /** An object key. @example b.key('name') */
  key(key: string): boolean {
    const top = this.stack.top();
    if (!top || !this.expectsKey()) return false;
    top.key = key;
    this.expect('colon');
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
    return this.stack.snapshot(tail && this.expectsValue() ? tail.value : NOTHING);
  }

  private commit(value: unknown, nested: boolean): boolean {
    if (this.onComplete) {
      const path = this.path();
      if (nested) this.reportInside(path, value);
      this.onComplete(path, value);
    }
    const top = this.stack.top();
    if (!top) this.root = { value };
    else {
      this.stack.add(top, value);
      this.expect('comma');
    }
    return true;
  }

  /** What may come next, in words, for error messages. @example b.expected() // '"," or "]"' */
  expected(): string {
    const top = this.stack.top();
    const expect = this.expecting();
    if (!top || expect === undefined) return this.root ? 'the end of the input' : 'a JSON value';
    if (top.isArray) return expect === 'comma' ? '"," or "]"' : expect === 'first' ? 'a value or "]"' : 'a value';
    return { first: 'a key or "}"', key: 'a key (a string)', colon: '":"', value: 'a value', comma: '"," or "}"' }[
      expect
    ];
  }

  /** The path of the value being written now. @example b.path() // ['items', 3] */
  path(): JsonPath {
    const path = this.stack.pathOfOpenChild();
    // Between members the innermost container itself is the place; an object's key counts from when it is read. Compacted in place: this runs per completed value.
    let kept = 0;
    for (let depth = 0; depth < path.length; depth++) {
      const step = path[depth] as string | number;
      const expect = this.expects[depth];
      if (typeof step === 'number' ? expect !== 'comma' : expect === 'colon' || expect === 'value') path[kept++] = step;
    }
    path.length = kept;
    return path;
  }

  private expecting(): Expect | undefined {
    return this.stack.depth === 0 ? undefined : this.expects[this.stack.depth - 1];
  }

  private expect(next: Expect): void {
    this.expects[this.stack.depth - 1] = next;
  }

  // Children complete before their parent, in document order, as a streaming parser reports them.
  private reportInside(path: JsonPath, value: unknown): void {
    if (typeof value !== 'object' || value === null || !this.onComplete) return;
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((item, index) => [index, item])
      : Object.entries(value);
    for (const [key, child] of entries) {
      const childPath = [...path, key];
      this.reportInside(childPath, child);
      this.onComplete(childPath, child);
    }
  }
}
