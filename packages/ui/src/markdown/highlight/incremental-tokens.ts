import {
  PIECE,
  type CodeHighlight,
  type HighlightView,
  type HighlightedLine,
  type LineState,
  type TokenLine,
  type TokenizeLine,
} from './code-tokens.js';
import { WeightedLru } from './token-cache.js';
import { timeLeft } from './tokenize-budget.js';

// The last line is tokenised again on every update up to this length; past it, once it has grown by a quarter.
const LAST_LINE_EVERY_UPDATE = 512;
// Only this much text around the ends is compared to tell a grown code from a different one (done blocks trust theirs too).
const CHECK = 128;

interface Snapshot {
  code: string;
  lines: HighlightedLine[];
  pieceStarts: number[];
  last: TokenLine;
  lastState: LineState | undefined;
  covered: number;
}

// Highlighted code of done blocks (and restored ones), by language and code: they render again without tokenising.
const done = new WeightedLru<Snapshot>(1_000_000);
// The code blocks highlighted while streaming, most recent first: a block remounted mid-stream or once done picks up where it was.
const streaming: IncrementalTokens[] = [];
const STREAMING_KEPT = 8;

/**
 * Highlights one code block as it grows: each update tokenises the complete lines that arrived, from the grammar state the
 * line before left, and the last (incomplete) line provisionally, so an update costs what it appended, not the block's length.
 * Once done (`settle`), the result is kept by language and code, and a block with the same code is never tokenised again.
 *
 * @example
 * const tokens = new IncrementalTokens();
 * tokens.update('typescript', tokenize, 'const a');
 * tokens.update('typescript', tokenize, 'const a = 1;\n'); // tokenises `const a = 1;` once, then nothing for the empty last line
 */
export class IncrementalTokens implements CodeHighlight {
  private language = '';
  private tokenize: TokenizeLine | undefined;
  private code = '';
  private lines: HighlightedLine[] = [];
  private pieceStarts: number[] = [];
  // Tokens of the last line's first `covered` characters, and the state they leave.
  private last: TokenLine = [];
  private lastState: LineState | undefined;
  private covered = 0;
  private settledCode: string | undefined;
  // Complete lines were left for a later task (the task's tokenising budget ran out).
  private behind = false;

  /**
   * The highlighted view of `code`, tokenising only what changed since the last update. With `settled`, the block is done:
   * its last line is tokenised in full and the result cached for any later block with the same language and code.
   *
   * @example
   * const view = tokens.update('typescript', tokenize, code, false);
   */
  update(language: string, tokenize: TokenizeLine, code: string, settled: boolean): HighlightView {
    if (language !== this.language || tokenize !== this.tokenize || !this.continuedBy(code)) {
      this.restore(emptySnapshot);
      this.language = language;
      this.tokenize = tokenize;
    }
    if (this.code === '' && code !== '') this.resume(code);
    if (code.length < this.code.length) this.truncate(code);
    this.append(code, tokenize);
    if (settled) this.settle(code, tokenize);
    else if (streaming[0] !== this) {
      const at = streaming.indexOf(this);
      if (at !== -1) streaming.splice(at, 1);
      streaming.unshift(this);
      streaming.length = Math.min(streaming.length, STREAMING_KEPT);
    }
    const lastStart = this.lines.at(-1)?.end ?? 0;
    return {
      lines: this.lines,
      count: this.lines.length,
      pieceStarts: this.pieceStarts,
      pieceCount: this.pieceStarts.length,
      last: this.last,
      rest: lastStart + this.covered < code.length ? code.slice(lastStart + this.covered) : '',
      pending: this.behind,
    };
  }

  /**
   * Whether this block has shown code before, or `code` is a done block's or continues a streaming block's: it then
   * shows highlighted at once, wherever it is, so a block that was highlighted is never shown plain again.
   *
   * @example
   * if (tokens.knows('typescript', code)) view = tokens.update('typescript', tokenize, code, true);
   */
  knows(language: string, code: string): boolean {
    return this.code !== '' || done.has(cacheKey(language, code)) || this.streamedBefore(language, code) !== undefined;
  }

  // Whether `code` extends this block's code or cuts it short (compared near the ends only, as growing text is trusted).
  private continuedBy(code: string): boolean {
    const n = Math.min(code.length, this.code.length);
    const linesEnd = Math.min(this.lines.at(-1)?.end ?? 0, n);
    const same = (from: number, to: number) => code.startsWith(this.code.slice(from, to), from);
    return same(Math.max(0, n - CHECK), n) && same(Math.max(0, linesEnd - CHECK), linesEnd);
  }

  // A block starting afresh takes a done block's result with the same code, or a streaming block's whose code `code` extends.
  private resume(code: string): void {
    const cached = done.get(cacheKey(this.language, code));
    if (cached !== undefined) return this.restore(cached);
    const from = this.streamedBefore(this.language, code);
    if (from !== undefined) this.restore(from.snapshot());
  }

  // Another block, still kept as streaming, whose code `code` extends.
  private streamedBefore(language: string, code: string): IncrementalTokens | undefined {
    return streaming.find(
      (other) =>
        other !== this &&
        other.language === language &&
        (this.tokenize === undefined || other.tokenize === this.tokenize) &&
        other.code.length > 0 &&
        code.startsWith(other.code),
    );
  }

  private truncate(code: string): void {
    const lastStart = (lines: readonly HighlightedLine[]) => lines.at(-1)?.end ?? 0;
    let removed: HighlightedLine | undefined;
    while (lastStart(this.lines) > code.length) removed = this.lines.pop();
    while ((this.pieceStarts.at(-1) ?? 0) > this.lines.length) this.pieceStarts.pop();
    // Only the line end went (a closing fence hidden while half-written, then complete): that line is the last line again.
    if (removed !== undefined && removed.end === code.length + 1)
      this.setLast(removed.tokens, removed.state, code.length - lastStart(this.lines));
    else if (removed !== undefined || this.covered > code.length - lastStart(this.lines))
      this.setLast([], undefined, 0);
    this.code = code;
  }

  private append(code: string, tokenize: TokenizeLine): void {
    let start = this.lines.at(-1)?.end ?? 0;
    // A line end can only be past the code seen before, unless lines were left waiting.
    const from = this.behind ? start : Math.max(start, this.code.length);
    this.behind = false;
    for (let end = code.indexOf('\n', from); end !== -1; end = code.indexOf('\n', start)) {
      if (!timeLeft()) {
        this.behind = true;
        break;
      }
      const previous = this.lines.at(-1)?.state;
      const { tokens, state } =
        this.covered === end - start
          ? { tokens: this.last, state: this.lastState }
          : tokenize(code.slice(start, end), previous);
      this.lines.push({ tokens, end: end + 1, state });
      const pieceStart = this.lines[(this.pieceStarts.at(-1) ?? 0) - 1]?.end ?? 0;
      if (end + 1 - pieceStart >= PIECE) this.pieceStarts.push(this.lines.length);
      this.setLast([], undefined, 0);
      start = end + 1;
    }
    this.code = code;
    const length = code.length - start;
    if (this.behind || length === 0 || length === this.covered) return;
    if (!timeLeft()) return void (this.behind = true);
    if (length <= LAST_LINE_EVERY_UPDATE || length * 4 >= this.covered * 5) {
      const { tokens, state } = tokenize(code.slice(start), this.lines.at(-1)?.state);
      this.setLast(tokens, state, length);
    }
  }

  private settle(code: string, tokenize: TokenizeLine): void {
    if (this.settledCode === code || this.behind) return;
    const start = this.lines.at(-1)?.end ?? 0;
    if (start + this.covered < code.length) {
      const { tokens, state } = tokenize(code.slice(start), this.lines.at(-1)?.state);
      this.setLast(tokens, state, code.length - start);
    }
    this.settledCode = code;
    done.set(cacheKey(this.language, code), this.snapshot(), code.length);
  }

  private setLast(tokens: TokenLine, state: LineState | undefined, covered: number): void {
    this.last = tokens;
    this.lastState = state;
    this.covered = covered;
  }

  private snapshot(): Snapshot {
    const { code, lines, pieceStarts, last, lastState, covered } = this;
    return { code, lines: [...lines], pieceStarts: [...pieceStarts], last, lastState, covered };
  }

  private restore(from: Snapshot): void {
    this.code = from.code;
    this.lines = [...from.lines];
    this.pieceStarts = [...from.pieceStarts];
    this.setLast(from.last, from.lastState, from.covered);
    this.settledCode = undefined;
  }
}

const emptySnapshot: Snapshot = { code: '', lines: [], pieceStarts: [], last: [], lastState: undefined, covered: 0 };

const cacheKey = (language: string, code: string) => `${language}\0${code}`;
