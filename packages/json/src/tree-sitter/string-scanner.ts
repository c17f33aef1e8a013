import type { TextStore } from './text-store.js';

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const HEX4 = /^[0-9a-fA-F]{4}$/;
// eslint-disable-next-line no-control-regex -- JSON strings must not hold raw control characters; this finds them
const CONTROL = /[\u0000-\u001f]/;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Why a string body is not JSON: what was found at offset `at` and what JSON allows there. */
export interface StringProblem {
  found: string;
  expected: string;
  at: number;
}

/**
 * One JSON string being read from the raw text, resumable: each `scan` decodes only characters
 * not seen before and stops short of a half-received escape, so the decoded text only grows.
 *
 * @example
 * const s = new StringScanner(0); // the opening quote is at offset 0
 * s.scan(store); s.decoded; s.end; // end is the offset after the closing quote, or -1
 */
export class StringScanner {
  decoded = '';
  /** Offset just past the closing quote, or -1 while the string is open. */
  end = -1;
  private position: number;

  constructor(readonly start: number) {
    this.position = start + 1;
  }

  /** Decodes what arrived since the last call; returns a problem instead of throwing. @example s.scan(store) */
  scan(text: TextStore): StringProblem | undefined {
    // Windows that double in size keep a short string's read short and a long one's linear.
    let window = 64;
    while (this.end < 0 && this.position < text.length) {
      const base = this.position;
      const problem = this.decode(text.slice(base, Math.min(text.length, base + window)), base);
      if (problem) return problem;
      if (this.position === base) break; // a half-received escape at the very end
      window = Math.min(window * 2, 65536);
    }
    return undefined;
  }

  private decode(raw: string, base: number): StringProblem | undefined {
    let index = 0;
    while (index < raw.length) {
      const quote = raw.indexOf('"', index);
      const slash = raw.indexOf('\\', index);
      const stop = slash >= 0 && (quote < 0 || slash < quote) ? slash : quote;
      const plain = raw.slice(index, stop < 0 ? raw.length : stop);
      const control = plain.search(CONTROL);
      if (control >= 0)
        return {
          found: plain.charAt(control),
          expected: 'an escaped control character (JSON strings cannot hold raw ones)',
          at: base + index + control,
        };
      if (stop < 0) {
        // A high surrogate at the very end waits for its pair, so no snapshot shows half a character.
        const held = isHighSurrogate(plain.charCodeAt(plain.length - 1)) ? 1 : 0;
        this.decoded += plain.slice(0, plain.length - held);
        index = raw.length - held;
        break;
      }
      this.decoded += plain;
      if (stop === quote) {
        this.end = base + stop + 1;
        index = stop + 1;
        break;
      }
      const kind = raw[stop + 1];
      if (kind === undefined) {
        index = stop;
        break;
      }
      if (kind === 'u') {
        const hex = raw.slice(stop + 2, stop + 6);
        if (hex.length < 4 && /^[0-9a-fA-F]*$/.test(hex)) {
          index = stop;
          break;
        }
        if (!HEX4.test(hex)) {
          const bad = hex.search(/[^0-9a-fA-F]/);
          return { found: hex.charAt(bad), expected: 'four hex digits after \\u', at: base + stop + 2 + bad };
        }
        const code = Number.parseInt(hex, 16);
        // An escaped high surrogate is shown together with the escape that follows it.
        if (isHighSurrogate(code) && stop + 12 > raw.length) {
          index = stop;
          break;
        }
        this.decoded += String.fromCharCode(code);
        index = stop + 6;
        continue;
      }
      const escaped = ESCAPES[kind];
      if (escaped === undefined)
        return { found: kind, expected: 'an escape: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX', at: base + stop + 1 };
      this.decoded += escaped;
      index = stop + 2;
    }
    this.position = base + index;
    return undefined;
  }
}
