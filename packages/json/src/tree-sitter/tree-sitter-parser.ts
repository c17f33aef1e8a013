import type { Edit, Language, Node, Parser as ParserInstance, Point, Tree } from 'web-tree-sitter';
import { couldGrowIntoScalar, isScalarChar, parseScalar } from './scalar.js';
import { JSONStreamError, afterEnd, invalidChunk } from '../errors.js';
import { guardListener, type ListenerGuard } from '../listener-guard.js';
import type { IncrementalParser, IncrementalParserOptions } from '../parser-types.js';
import { StringScanner } from './string-scanner.js';
import { TextStore } from './text-store.js';
import { ValueBuilder } from './value-builder.js';

/** The web-tree-sitter runtime, loaded once by `loadTreeSitterBackend`. */
export interface TreeSitterRuntime {
  Parser: new () => ParserInstance;
  Edit: typeof Edit;
  language: Language;
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const CONTAINERS = new Set(['object', 'array']);

/**
 * One document streamed through tree-sitter: each sync re-parses incrementally (`tree.edit`
 * then `parse(callback, oldTree)`), then reads values forward from where the last sync stopped.
 * Complete, error-free containers in new text are taken whole; anything inside ERROR or MISSING
 * nodes is read token by token from the raw text, so the partial value obeys the same rules as
 * the default parser whatever shape the error recovery gave the tree.
 *
 * @example const doc = new TreeSitterDocument({ Parser, Edit, language }, {}); doc.push('{"a":[1,'); doc.value(); // { a: [1] }
 */
export class TreeSitterDocument implements IncrementalParser {
  private readonly text = new TextStore();
  private readonly builder: ValueBuilder;
  private parser: ParserInstance | undefined;
  private tree: Tree | null = null;
  private parsedLength = 0;
  private parsedPoint: Point = { row: 0, column: 0 };
  private point: Point = { row: 0, column: 0 };
  /** Everything before this offset has been read into the builder. */
  private resume = 0;
  private openString: StringScanner | undefined;
  private ended = false;
  private readonly guard: ListenerGuard;
  private synced = true;
  private snapshot: { value: unknown } | undefined;
  private problem: JSONStreamError | undefined;

  constructor(
    private readonly runtime: TreeSitterRuntime,
    options: IncrementalParserOptions = {},
  ) {
    this.guard = guardListener(options.onPathComplete);
    this.builder = new ValueBuilder(this.guard.listener);
    this.parser = new runtime.Parser();
    this.parser.setLanguage(runtime.language);
  }

  push(chunk: string): void {
    if (this.problem) throw this.problem;
    if (typeof chunk !== 'string') throw invalidChunk(this.text.length, chunk);
    if (chunk === '') return;
    if (this.ended) throw (this.problem = afterEnd(this.text.length, chunk));
    this.text.append(chunk);
    this.advancePoint(chunk);
    this.synced = false;
    this.snapshot = undefined;
    // Completion events are promised per push; without a listener the work waits for value().
    if (this.guard.listener) this.sync();
    this.guard.rethrow();
    if (this.problem) throw this.problem;
  }

  value(): unknown {
    this.sync();
    this.snapshot ??= { value: this.builder.snapshot(this.openString && { value: this.openString.decoded }) };
    return this.snapshot.value;
  }

  done(): boolean {
    this.sync();
    return this.builder.complete();
  }

  end(): void {
    if (this.ended) {
      if (this.problem) throw this.problem;
      return;
    }
    this.ended = true;
    this.synced = false;
    this.snapshot = undefined;
    this.sync();
    this.guard.rethrow();
    this.tree?.delete();
    this.tree = null;
    this.parser?.delete();
    this.parser = undefined;
    if (!this.problem && !this.builder.complete()) {
      const expected = this.openString ? 'the closing quote of the string' : this.builder.expected();
      this.problem = new JSONStreamError({
        kind: 'incomplete',
        offset: this.text.length,
        expected,
        path: this.builder.path(),
      });
    }
    if (this.problem) throw this.problem;
  }

  private advancePoint(chunk: string): void {
    const lastNewline = chunk.lastIndexOf('\n');
    if (lastNewline < 0) {
      this.point = { row: this.point.row, column: this.point.column + chunk.length };
      return;
    }
    let rows = 0;
    for (let index = chunk.indexOf('\n'); index >= 0; index = chunk.indexOf('\n', index + 1)) rows++;
    this.point = { row: this.point.row + rows, column: chunk.length - lastNewline - 1 };
  }

  private sync(): void {
    if (this.synced) return;
    this.synced = true;
    if (this.problem) return;
    if (this.openString && !this.readOpenString()) return;
    const root = this.reparse();
    if (root && !this.walk(root)) return;
    this.lexUntil(this.text.length);
  }

  private reparse(): Node | undefined {
    if (!this.parser) return this.tree?.rootNode;
    if (this.tree && this.parsedLength === this.text.length) return this.tree.rootNode;
    const old = this.tree;
    old?.edit(
      new this.runtime.Edit({
        startIndex: this.parsedLength,
        oldEndIndex: this.parsedLength,
        newEndIndex: this.text.length,
        startPosition: this.parsedPoint,
        oldEndPosition: this.parsedPoint,
        newEndPosition: this.point,
      }),
    );
    this.tree = this.parser.parse((index) => this.text.read(index), old);
    old?.delete();
    this.parsedLength = this.text.length;
    this.parsedPoint = this.point;
    return this.tree?.rootNode;
  }

  /** Reads forward through `node` from `resume`; false when reading stopped early. */
  private walk(node: Node): boolean {
    for (let child = node.firstChildForIndex(this.resume); child; child = child.nextSibling) {
      if (child.endIndex <= this.resume) continue;
      if (child.startIndex > this.resume && !this.lexUntil(child.startIndex)) return false;
      if (child.startIndex >= this.resume && this.takeWhole(child)) continue;
      if (child.childCount > 0 ? !this.walk(child) : !this.lexUntil(child.endIndex)) return false;
    }
    return true;
  }

  /** A complete container that arrived since the last sync becomes one value at once. */
  private takeWhole(node: Node): boolean {
    if (!CONTAINERS.has(node.type) || node.hasError || !this.builder.expectsValue()) return false;
    let value: unknown;
    try {
      value = JSON.parse(this.text.slice(node.startIndex, node.endIndex));
    } catch {
      return false; // tree-sitter accepts comments and `1.`; token reading reports those
    }
    this.builder.value(value, true);
    this.resume = node.endIndex;
    return true;
  }

  /** Reads tokens from the raw text up to `limit`; false when reading stopped (input ended mid-token, or bad input). */
  private lexUntil(limit: number): boolean {
    while (this.resume < limit && !this.problem) {
      const at = this.resume;
      const code = this.text.charCodeAt(at);
      if (WHITESPACE.has(code)) {
        this.resume++;
        continue;
      }
      if (this.builder.complete()) return this.fail(String.fromCharCode(code), at);
      const outcome = this.token(code, at);
      if (outcome === 'wait') return false;
      if (outcome === 'rejected') return this.fail(String.fromCharCode(code), at);
    }
    return !this.problem;
  }

  /** Reads one token at `at`: 'rejected' where it cannot stand, 'wait' at an unfinished token. */
  private token(code: number, at: number): 'rejected' | 'wait' | undefined {
    const step = (accepted: boolean): 'rejected' | undefined => {
      if (!accepted) return 'rejected';
      this.resume++;
      return undefined;
    };
    switch (code) {
      case 0x7b:
        return step(this.builder.open('object'));
      case 0x5b:
        return step(this.builder.open('array'));
      case 0x7d:
        return step(this.builder.close('object'));
      case 0x5d:
        return step(this.builder.close('array'));
      case 0x3a:
        return step(this.builder.colon());
      case 0x2c:
        return step(this.builder.comma());
      case 0x22:
        if (!this.builder.expectsKey() && !this.builder.expectsValue()) return 'rejected';
        this.openString = new StringScanner(at);
        return this.readOpenString() ? undefined : 'wait';
      default:
        return this.scalar(at);
    }
  }

  /** Continues the open string; true once it closed and was handed to the builder. */
  private readOpenString(): boolean {
    const scanner = this.openString;
    if (!scanner) return true;
    const problem = scanner.scan(this.text);
    if (problem) return this.fail(problem.found, problem.at, problem.expected);
    if (scanner.end < 0) {
      this.resume = this.text.length;
      return false;
    }
    this.openString = undefined;
    this.resume = scanner.end;
    const accepted = this.builder.expectsKey()
      ? this.builder.key(scanner.decoded)
      : this.builder.value(scanner.decoded);
    return accepted || this.fail('"', scanner.start);
  }

  private scalar(at: number): 'rejected' | 'wait' | undefined {
    let end = at;
    while (end < this.text.length && isScalarChar(this.text.charCodeAt(end))) end++;
    if (end === at || !this.builder.expectsValue()) return 'rejected';
    const lexeme = this.text.slice(at, end);
    const scalar = parseScalar(lexeme);
    // A number may still grow; a whole literal cannot (more letters would be an error anyway).
    const waiting = end === this.text.length && !this.ended && (typeof scalar?.value === 'number' || !scalar);
    if (waiting && couldGrowIntoScalar(lexeme)) return 'wait';
    if (!scalar || waiting) {
      // The fault is the first character that cannot continue a number or literal.
      let valid = 0;
      while (valid < lexeme.length && couldGrowIntoScalar(lexeme.slice(0, valid + 1))) valid++;
      const cutShort = valid === lexeme.length && end === this.text.length;
      if (cutShort) this.fail(undefined, end, 'the rest of the number or literal', 'incomplete');
      else this.fail(this.text.slice(at + valid, at + valid + 1), at + valid, 'a number, true, false or null');
      return 'wait';
    }
    this.resume = end;
    return this.builder.value(scalar.value) ? undefined : 'rejected';
  }

  private fail(
    found: string | undefined,
    offset: number,
    expected = this.builder.expected(),
    kind: 'syntax' | 'incomplete' = 'syntax',
  ): false {
    this.problem = new JSONStreamError({
      kind,
      offset,
      expected,
      path: this.builder.path(),
      ...(found !== undefined && { found }),
    });
    return false;
  }
}
