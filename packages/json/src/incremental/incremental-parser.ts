import { JSONStreamError, afterEnd, invalidChunk } from '../errors.js';
import type { JSONStreamErrorKind } from '../errors.js';
import type { IncrementalParser, IncrementalParserOptions, JsonPath } from '../parser-types.js';
import { itemSchema, keyViolation, openViolation, propertySchema, schemaViolation } from '../schema/json-schema.js';
import type { SchemaNode, SchemaViolation } from '../schema/json-schema.js';
import { validateStandard } from '../schema/standard-schema.js';
import { guardListener, type ListenerGuard } from '../listener-guard.js';
import { ContainerStack, NOTHING } from '../container-stack.js';
import type { OpenContainer } from '../container-stack.js';
import { OpenString } from './open-string.js';

// What the machine expects next.
const VALUE = 0; // a value (after ':' or ',' in an array, or at the root)
const FIRST_ITEM = 1; // a value or ']' (after '[')
const FIRST_KEY = 2; // '"' or '}' (after '{')
const KEY = 3; // '"' (after ',' in an object)
const COLON = 4;
const AFTER_VALUE = 5; // ',' or the closing bracket
const STRING = 6;
const ESCAPE = 7; // after '\'
const UNICODE = 8; // inside '\uXXXX'
const NUMBER = 9;
const LITERAL = 10; // inside true / false / null
const END = 11; // the root is complete: whitespace only

// Where a number stands in its grammar; the "whole" ones may end there.
const N_MINUS = 0;
const N_ZERO = 1;
const N_INT = 2;
const N_DOT = 3;
const N_FRAC = 4;
const N_E = 5;
const N_E_SIGN = 6;
const N_EXP = 7;
// Only the states a number cannot end in need words.
const NUMBER_EXPECTS: Record<number, string> = {
  [N_MINUS]: 'a digit',
  [N_DOT]: 'a digit after "."',
  [N_E]: 'a digit or sign in the exponent',
  [N_E_SIGN]: 'a digit in the exponent',
};

const ESCAPES: Record<number, string> = {
  0x22: '"',
  0x5c: '\\',
  0x2f: '/',
  0x62: '\b',
  0x66: '\f',
  0x6e: '\n',
  0x72: '\r',
  0x74: '\t',
};
const LITERALS: Record<number, [string, boolean | null]> = {
  0x74: ['true', true],
  0x66: ['false', false],
  0x6e: ['null', null],
};

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
}

/** The single-pass JSON state machine behind `createIncrementalParser`. */
class IncrementalJsonParser implements IncrementalParser {
  private readonly stack = new ContainerStack();
  private state = VALUE;
  /** Characters consumed by earlier pushes (offsets are stream-wide). */
  private base = 0;
  private root: { value: unknown } | undefined;
  private stringIsKey = false;
  /** The string or key being read. */
  private readonly string = new OpenString();
  /** The number being read. */
  private text = '';
  private numberState = N_MINUS;
  private literal = '';
  private literalValue: boolean | null = null;
  private literalIndex = 0;
  private unicodeDigits = 0;
  private unicodeCode = 0;
  private snapshot: unknown;
  private stale = false;
  private failure: JSONStreamError | undefined;
  private ended = false;
  private readonly listener: ListenerGuard;
  private readonly schema: SchemaNode;
  private readonly standardSchema: IncrementalParserOptions['standardSchema'];

  constructor(options: IncrementalParserOptions) {
    this.listener = guardListener(options.onPathComplete);
    this.schema = options.schema;
    this.standardSchema = options.standardSchema;
  }

  push(chunk: string): void {
    if (this.failure) throw this.failure;
    if (typeof chunk !== 'string') throw invalidChunk(this.base, chunk);
    if (this.ended && chunk.length > 0) throw (this.failure = afterEnd(this.base, chunk));
    const length = chunk.length;
    let index = 0;
    while (index < length) {
      switch (this.state) {
        case STRING:
          index = this.scanString(chunk, index);
          break;
        case NUMBER:
          index = this.scanNumber(chunk, index);
          break;
        case ESCAPE:
          this.escape(chunk.charCodeAt(index), index);
          index++;
          break;
        case UNICODE:
          this.unicode(chunk.charCodeAt(index), index);
          index++;
          break;
        case LITERAL:
          this.literalChar(chunk.charCodeAt(index), index);
          index++;
          break;
        default: {
          const code = chunk.charCodeAt(index);
          if (!isWhitespace(code)) this.structural(code, chunk, index);
          index++;
        }
      }
    }
    this.base += length;
    this.listener.rethrow();
  }

  value(): unknown {
    if (this.stale) {
      this.stale = false;
      if (this.root) this.snapshot = this.root.value;
      else {
        const partial =
          (this.state === STRING || this.state === ESCAPE || this.state === UNICODE) && !this.stringIsKey
            ? this.string.visible()
            : NOTHING;
        this.snapshot = this.stack.snapshot(partial);
      }
    }
    return this.snapshot;
  }

  done(): boolean {
    return this.root !== undefined;
  }

  end(): void {
    if (this.failure) throw this.failure;
    if (this.ended) return;
    this.ended = true;
    if (this.state === NUMBER) this.finishNumber(this.base);
    this.listener.rethrow();
    if (!this.root) this.fail('incomplete', this.base, this.expectedHere());
    const { standardSchema } = this;
    if (standardSchema) this.guard(() => validateStandard(standardSchema, this.root?.value, this.base));
  }

  /** Records a thrown schema error as the failure, so later calls repeat it. */
  private guard(check: () => void): void {
    try {
      check();
    } catch (error) {
      if (error instanceof JSONStreamError) this.failure = error;
      throw error;
    }
  }

  private fail(
    kind: JSONStreamErrorKind,
    offset: number,
    expected: string,
    found?: string,
    path: JsonPath = this.stack.pathOfOpenChild(),
  ): never {
    this.failure = new JSONStreamError({ kind, offset, expected, path, ...(found === undefined ? {} : { found }) });
    throw this.failure;
  }

  private failSchema(violation: SchemaViolation, offset: number, path: JsonPath): never {
    // The violating value is left out of value(), even a string already shown while it grew.
    this.state = END;
    this.stale = true;
    return this.fail('schema', offset, violation.expected, violation.found, path);
  }

  private expectedHere(): string {
    const top = this.stack.top();
    switch (this.state) {
      case VALUE:
        return 'a JSON value';
      case FIRST_ITEM:
        return 'a JSON value or "]"';
      case FIRST_KEY:
        return 'a \'"\' starting a key, or "}"';
      case KEY:
        return "a '\"' starting a key";
      case COLON:
        return '":"';
      case AFTER_VALUE:
        return top?.isArray ? '"," or "]"' : '"," or "}"';
      case STRING:
        return "more of the string, or its closing '\"'";
      case ESCAPE:
        return 'an escape character (one of "\\/bfnrtu)';
      case UNICODE:
        return 'a hex digit of a \\u escape';
      case NUMBER:
        return NUMBER_EXPECTS[this.numberState] ?? 'a digit';
      case LITERAL:
        return `"${this.literal}"`;
      default:
        return 'the end of input';
    }
  }

  /** Places a completed value in its container (or as the root), after its schema allows it. */
  private complete(value: unknown, offset: number): void {
    const top = this.stack.top();
    const schema = top ? top.childSchema : this.schema;
    const { listener } = this.listener;
    // No path (not even an empty array) unless someone reads it: this runs once per value.
    const path = listener !== undefined || schema !== undefined ? this.stack.pathOfOpenChild() : undefined;
    if (schema !== undefined && path) {
      const violation = schemaViolation(schema, value);
      if (violation) this.failSchema(violation, offset, path);
    }
    if (!top) {
      this.root = { value };
      this.state = END;
    } else {
      this.stack.add(top, value);
      this.state = AFTER_VALUE;
    }
    this.stale = true;
    if (listener && path) listener(path, value);
  }

  private open(isArray: boolean, offset: number): void {
    const top = this.stack.top();
    const schema = top ? top.childSchema : this.schema;
    const violation = schema === undefined ? undefined : openViolation(schema, isArray ? 'array' : 'object');
    if (violation) this.failSchema(violation, offset, this.stack.pathOfOpenChild());
    this.stack.open(isArray, schema, isArray ? itemSchema(schema) : undefined);
    this.state = isArray ? FIRST_ITEM : FIRST_KEY;
    this.stale = true;
  }

  private close(offset: number): void {
    this.complete(this.stack.close(), offset);
  }

  private structural(code: number, chunk: string, index: number): void {
    const offset = this.base + index;
    switch (this.state) {
      case VALUE:
      case FIRST_ITEM:
        if (code === 0x5d && this.state === FIRST_ITEM) this.close(offset);
        else this.startValue(code, chunk, index);
        return;
      case FIRST_KEY:
      case KEY:
        if (code === 0x22) {
          this.string.reset();
          this.stringIsKey = true;
          this.state = STRING;
        } else if (code === 0x7d && this.state === FIRST_KEY) this.close(offset);
        else this.fail('syntax', offset, this.expectedHere(), chunk.charAt(index));
        return;
      case COLON:
        if (code === 0x3a) this.state = VALUE;
        else this.fail('syntax', offset, '":"', chunk.charAt(index));
        return;
      case AFTER_VALUE: {
        const top = this.stack.top() as OpenContainer;
        if (code === 0x2c) this.state = top.isArray ? VALUE : KEY;
        else if (code === (top.isArray ? 0x5d : 0x7d)) this.close(offset);
        else this.fail('syntax', offset, this.expectedHere(), chunk.charAt(index));
        return;
      }
      default:
        this.fail('syntax', offset, 'the end of input', chunk.charAt(index), []);
    }
  }

  private startValue(code: number, chunk: string, index: number): void {
    if (code === 0x22) {
      this.string.reset();
      this.stringIsKey = false;
      this.state = STRING;
      this.stale = true;
    } else if (code === 0x7b || code === 0x5b) this.open(code === 0x5b, this.base + index);
    else if (code === 0x2d || isDigit(code)) {
      this.text = chunk.charAt(index);
      this.state = NUMBER;
      this.numberState = code === 0x2d ? N_MINUS : code === 0x30 ? N_ZERO : N_INT;
    } else {
      const literal = LITERALS[code];
      if (!literal) this.fail('syntax', this.base + index, 'a JSON value', chunk.charAt(index));
      [this.literal, this.literalValue] = literal;
      this.literalIndex = 1;
      this.state = LITERAL;
    }
  }

  /** Consumes string characters up to the closing quote or a backslash, appending whole slices. */
  private scanString(chunk: string, start: number): number {
    const length = chunk.length;
    for (let index = start; index < length; index++) {
      const code = chunk.charCodeAt(index);
      if (code === 0x22 || code === 0x5c) {
        this.string.append(chunk.slice(start, index));
        if (code === 0x5c) this.state = ESCAPE;
        else this.finishString(this.base + index);
        if (!this.stringIsKey) this.stale = true;
        return index + 1;
      }
      if (code < 0x20) {
        this.string.append(chunk.slice(start, index));
        this.fail(
          'syntax',
          this.base + index,
          'a string character (control characters must be escaped)',
          chunk.charAt(index),
        );
      }
    }
    if (start < length) {
      this.string.append(chunk.slice(start, length));
      if (!this.stringIsKey) this.stale = true;
    }
    return length;
  }

  private finishString(offset: number): void {
    if (!this.stringIsKey) {
      this.complete(this.string.finish(), offset);
      return;
    }
    const top = this.stack.top() as OpenContainer;
    top.key = this.string.finish();
    top.hasKey = true;
    if (top.schema !== undefined) {
      const violation = keyViolation(top.schema, top.key);
      if (violation) this.failSchema(violation, offset, this.stack.pathOfOpenChild());
      top.childSchema = propertySchema(top.schema, top.key);
    }
    this.state = COLON;
  }

  private escape(code: number, index: number): void {
    const decoded = ESCAPES[code];
    if (decoded !== undefined) {
      this.string.append(decoded);
      this.state = STRING;
    } else if (code === 0x75) {
      this.unicodeDigits = 0;
      this.unicodeCode = 0;
      this.state = UNICODE;
    } else this.fail('syntax', this.base + index, this.expectedHere(), String.fromCharCode(code));
  }

  private unicode(code: number, index: number): void {
    const digit = hexValue(code);
    if (digit < 0) this.fail('syntax', this.base + index, this.expectedHere(), String.fromCharCode(code));
    this.unicodeCode = this.unicodeCode * 16 + digit;
    if (++this.unicodeDigits === 4) {
      this.string.append(String.fromCharCode(this.unicodeCode));
      this.state = STRING;
      if (!this.stringIsKey) this.stale = true;
    }
  }

  private literalChar(code: number, index: number): void {
    if (code !== this.literal.charCodeAt(this.literalIndex))
      this.fail('syntax', this.base + index, this.expectedHere(), String.fromCharCode(code));
    if (++this.literalIndex === this.literal.length) this.complete(this.literalValue, this.base + index);
  }

  /** Consumes number characters; the first other character ends the number and is left for the structure. */
  private scanNumber(chunk: string, start: number): number {
    const length = chunk.length;
    let state = this.numberState;
    let index = start;
    for (; index < length; index++) {
      const code = chunk.charCodeAt(index);
      const digit = isDigit(code);
      if (digit && state !== N_ZERO) {
        if (state === N_MINUS) state = code === 0x30 ? N_ZERO : N_INT;
        else if (state === N_DOT) state = N_FRAC;
        else if (state === N_E || state === N_E_SIGN) state = N_EXP;
      } else if (code === 0x2e && (state === N_ZERO || state === N_INT)) state = N_DOT;
      else if ((code === 0x65 || code === 0x45) && (state === N_ZERO || state === N_INT || state === N_FRAC))
        state = N_E;
      else if ((code === 0x2b || code === 0x2d) && state === N_E) state = N_E_SIGN;
      else break;
    }
    this.text += chunk.slice(start, index);
    this.numberState = state;
    if (index < length) this.finishNumber(this.base + index, chunk.charAt(index));
    return index;
  }

  /** Ends a number at `offset` (its terminator, or the end of input). */
  private finishNumber(offset: number, found?: string): void {
    const state = this.numberState;
    if (state !== N_ZERO && state !== N_INT && state !== N_FRAC && state !== N_EXP)
      this.fail(this.ended ? 'incomplete' : 'syntax', offset, this.expectedHere(), found);
    this.complete(Number(this.text), offset);
  }
}

/**
 * A streaming JSON parser that consumes only the new characters of each push (O(chunk)) and
 * returns structurally shared, immutable partial values: complete keys only, strings that only
 * grow, numbers and literals only once complete, completed containers kept by identity.
 *
 * @example
 * const parser = createIncrementalParser({ onPathComplete: (path, v) => console.log(path, v) });
 * parser.push('{"city":"Par'); parser.value(); // { city: 'Par' }
 * parser.push('is","n":4}'); parser.end(); parser.value(); // { city: 'Paris', n: 4 }
 */
export function createIncrementalParser(opts: IncrementalParserOptions = {}): IncrementalParser {
  return new IncrementalJsonParser(opts);
}
