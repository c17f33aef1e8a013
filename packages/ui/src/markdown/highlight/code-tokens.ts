/**
 * One highlighted run of a line: its text and, unless it shows in the code's own colour and style, its classes
 * (`rill-code__token--keyword`, `--string`, `--comment`…, and `--italic`, `--bold`, `--underline`, `--strike`).
 */
export interface CodeToken {
  content: string;
  className?: string;
}

/** The tokens of one line, without its line end. */
export type TokenLine = readonly CodeToken[];

/** Where a grammar stands after a line (Shiki's `GrammarState`; opaque here, so this file loads nothing). */
export type LineState = object;

// Long code is laid out in pieces of whole lines, each at least this many characters.
export const PIECE = 4096;

/** Tokenises one line (no `\n` in it) from the state the previous line left (undefined: from the start). */
export type TokenizeLine = (
  line: string,
  state: LineState | undefined,
) => { tokens: TokenLine; state: LineState | undefined };

/** A code block's highlighting as its code grows (`IncrementalTokens`, in the lazily loaded chunk). */
export interface CodeHighlight {
  update(language: string, tokenize: TokenizeLine, code: string, settled: boolean): HighlightView;
  /** Whether `code` was highlighted before (by this block, a done block or one still streaming): showing it costs no tokenising. */
  knows(language: string, code: string): boolean;
}

/** What a loaded grammar gives: its line tokeniser, and a way to follow one block's code as it grows. */
export interface LoadedGrammar {
  tokenize: TokenizeLine;
  createHighlight: () => CodeHighlight;
}

/** A complete line of code (a `\n` follows it): its tokens, where it ends and the grammar state it leaves. */
export interface HighlightedLine {
  readonly tokens: TokenLine;
  /** The index just past the line's `\n`. */
  readonly end: number;
  readonly state: LineState | undefined;
}

/**
 * The code as highlighted: `lines[0..count)` are its complete lines, each followed by a `\n`; then the last line,
 * `last` covering its first characters and `rest` the ones not tokenised yet (shown plain, complete lines too while `pending`). Long code is cut into
 * pieces of whole lines: line indices `pieceStarts[0..pieceCount)` each start one after the first.
 */
export interface HighlightView {
  readonly lines: readonly HighlightedLine[];
  readonly count: number;
  readonly pieceStarts: readonly number[];
  readonly pieceCount: number;
  readonly last: TokenLine;
  readonly rest: string;
  /** Complete lines wait for a later task (`rest` holds them, plain): update again soon. */
  readonly pending: boolean;
}
