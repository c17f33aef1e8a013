/** One highlighted run of a line: its text and, unless it has the code's own colour, a CSS colour (a `var(--rill-code-…)`). */
export interface CodeToken {
  content: string;
  color?: string;
  /** Shiki's font style bits: 1 italic, 2 bold, 4 underline, 8 strikethrough. */
  fontStyle?: number;
}

/** The tokens of one line, without its line end. */
export type TokenLine = readonly CodeToken[];

/** Where a grammar stands after a line (Shiki's `GrammarState`; opaque here, so this file loads nothing). */
export type LineState = object;

/** Tokenises one line (no `\n` in it) from the state the previous line left (undefined: from the start). */
export type TokenizeLine = (
  line: string,
  state: LineState | undefined,
) => { tokens: TokenLine; state: LineState | undefined };
