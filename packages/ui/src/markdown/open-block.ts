import type { Links, Token, Tokens } from 'marked';
import { lexInline } from './lex-markdown.js';
import { ownCopy } from './own-copy.js';
import { firstOpenInline } from './repair/open-inline.js';

/** The last block while it is a paragraph being written: settled chunks, each lexed once, and the text after them. */
export interface OpenParagraph {
  type: 'paragraph';
  /** The inline tokens of each settled chunk; a chunk keeps its array (so its rendering) while the paragraph grows. */
  chunks: readonly Token[][];
  /** The paragraph's text after the chunks, still open: repair it and lex it with {@link lexInline}. */
  rest: string;
}

/** The last block while it is a fenced code block being written, as the token it shows (a half-written closing fence left out). */
export interface OpenFence {
  type: 'fence';
  token: Tokens.Code;
}

/** The last block while it is a paragraph or a fenced code block being written. */
export type OpenBlock = OpenParagraph | OpenFence;

/** Follows the last block across updates, so an update costs what it appended rather than the block's length. */
export interface OpenBlockTracker {
  /** Where the next update's text must be compared with this one's; the text before it is trusted, as done blocks are. */
  readonly from: number;
  /** Takes the text grown since the last update; false when a new line may end the block or start another: lex it again. */
  grow(text: string): boolean;
  /** The block as of `text` (the text last passed to {@link grow}, or the one it was tracked from). */
  view(text: string): OpenBlock;
}

// A paragraph is cut into chunks of about this many characters.
const CHUNK = 1024;
// Past this many characters of one line, only its end is compared between updates.
const LINE_CHECK = 1024;
// A line that can only continue a paragraph: after any indentation it starts with a letter, a digit
// that is no list number, or a character no block starts with (`*`, `_`, backticks, `~` and `#` only
// when followed by what no bullet, rule, fence or heading has). Anything else is left to the lexer.
const CONTINUES_PARAGRAPH =
  /^(?: {4,}| {0,3}\t)[ \t]*\S|^[ \t]*(?:[\p{L}\p{Pi}\p{Ps}\p{So}\p{Sc}"'!&@$%/\\.,;?]|\p{N}(?!\p{N}*[.)])|\*{1,2}[^\s*]|_{1,2}[^\s_]|`{1,2}[^`]|~{1,2}[^~]|#+[^\s#])/u;
const BLANK = /^[ \t]*$/;
const SPACE = /\s/;

/**
 * Starts following the last block from its tokens as lexed at `start` of `text`: one paragraph, or
 * one fenced code block at the margin whose opening line is complete and that no complete line has
 * closed. Otherwise (or with `\r` in the text) undefined, and the block is lexed on every update.
 *
 * @example
 * trackOpenBlock('Some te', 0, lexMarkdown('Some te', {}), {}, undefined)?.view('Some te'); // { type: 'paragraph', chunks: [], rest: 'Some te' }
 */
export function trackOpenBlock(
  text: string,
  start: number,
  tokens: readonly Token[],
  links: Links,
  previous: OpenBlockTracker | undefined,
): OpenBlockTracker | undefined {
  let at = start;
  let i = 0;
  for (; tokens[i]?.type === 'space'; i++) at += tokens[i]?.raw.length ?? 0;
  const token = tokens[i];
  if (token === undefined || i !== tokens.length - 1 || text.includes('\r', start)) return undefined;
  if (token.type === 'paragraph') {
    const same = previous instanceof ParagraphTracker && previous.start === at && previous.links === links;
    return same ? previous.resume(text) : new ParagraphTracker(text, at, links);
  }
  const fence = token.type === 'code' ? /^(?:`{3,}|~{3,})/.exec(token.raw)?.[0] : undefined;
  const opened = text.indexOf('\n', at);
  if (fence === undefined || opened === -1) return undefined;
  const tracker = new FenceTracker(text, at, opened + 1, fence, (token as Tokens.Code).lang ?? '');
  return tracker.closed(text) ? undefined : tracker;
}

class ParagraphTracker implements OpenBlockTracker {
  private lineStart: number;
  private end: number;
  // End of the settled chunks, and where to look for the next cut when a construct kept the last try open.
  private cut: number;
  private probe = 0;
  private chunks: Token[][] = [];

  constructor(
    text: string,
    readonly start: number,
    readonly links: Links,
  ) {
    this.lineStart = Math.max(start, text.lastIndexOf('\n') + 1);
    this.end = text.length;
    this.cut = start;
  }

  get from(): number {
    return Math.max(this.lineStart, this.cut, this.end - LINE_CHECK);
  }

  /** Follows `text`, lexed again and still this paragraph: the chunks cut so far stay. */
  resume(text: string): this {
    this.lineStart = Math.max(this.start, text.lastIndexOf('\n') + 1);
    this.end = text.length;
    return this;
  }

  grow(text: string): boolean {
    if (text.includes('\r', this.end)) return false;
    let at = this.lineStart;
    for (let newline = text.indexOf('\n', this.end); newline !== -1; newline = text.indexOf('\n', at)) {
      if (!CONTINUES_PARAGRAPH.test(text.slice(at, newline))) return false;
      at = newline + 1;
    }
    const last = text.slice(at);
    if (!BLANK.test(last) && !CONTINUES_PARAGRAPH.test(last)) return false;
    this.lineStart = at;
    this.end = text.length;
    return true;
  }

  view(text: string): OpenParagraph {
    this.settle(text);
    // As marked's paragraph text, without the newline that ends it.
    const rest = text.endsWith('\n') ? text.slice(this.cut, -1) : text.slice(this.cut);
    return { type: 'paragraph', chunks: this.chunks, rest };
  }

  // Cuts chunks of about CHUNK characters where no inline construct is open, so nothing after can change them.
  private settle(text: string): void {
    for (;;) {
      const from = Math.max(this.cut + CHUNK, this.probe);
      const at = nextCut(text, from);
      if (at === -1) {
        this.probe = Math.max(from, text.length);
        return;
      }
      const open = firstOpenInline(text.slice(this.cut, at));
      if (open === -1) {
        this.add(text, at);
        continue;
      }
      const before = previousCut(text, this.cut + open, this.cut + 2);
      if (before !== -1 && firstOpenInline(text.slice(this.cut, before)) === -1) {
        this.add(text, before);
        continue;
      }
      // Try again once the text has grown as much again: a long open construct costs log-many scans.
      this.probe = at + Math.max(CHUNK, at - this.cut);
      return;
    }
  }

  private add(text: string, at: number): void {
    this.chunks = [...this.chunks, lexInline(ownCopy(text.slice(this.cut, at)), this.links)];
    this.cut = at;
    this.probe = 0;
  }
}

/**
 * Whether the paragraph's text can be cut before `at`: after a space or line end that follows
 * a character (no hard line break, no escape) and before a character. Inline lexing of the two
 * sides then matches lexing them together when nothing is open before the cut.
 */
function isCut(text: string, at: number): boolean {
  const before = text[at - 1];
  const next = text[at];
  const previous = text[at - 2];
  return (
    (before === ' ' || before === '\n') &&
    next !== undefined &&
    !SPACE.test(next) &&
    previous !== undefined &&
    previous !== '\\' &&
    !SPACE.test(previous)
  );
}

function nextCut(text: string, from: number): number {
  for (let at = from; at < text.length; at++) if (isCut(text, at)) return at;
  return -1;
}

function previousCut(text: string, from: number, min: number): number {
  for (let at = from; at >= min; at--) if (isCut(text, at)) return at;
  return -1;
}

class FenceTracker implements OpenBlockTracker {
  private lineStart: number;
  private end: number;
  private readonly closer: RegExp;
  private readonly halfCloser: RegExp;

  constructor(
    text: string,
    private readonly start: number,
    private readonly bodyStart: number,
    fence: string,
    private readonly lang: string,
  ) {
    this.lineStart = Math.max(bodyStart, text.lastIndexOf('\n') + 1);
    this.end = text.length;
    const char = fence[0] === '~' ? '~' : '`';
    // As marked: up to three spaces, at least the opening fence, then only spaces.
    this.closer = new RegExp(`^ {0,3}${char}{${fence.length},} *$`);
    // As repairOpenFence: a last line that may be a closing fence still arriving is not shown.
    this.halfCloser = new RegExp(`^[ \\t>]*\\${char}+[ \\t]*$`);
  }

  get from(): number {
    return Math.max(this.lineStart, this.end - LINE_CHECK);
  }

  /** Whether the last complete line of `text` closes the fence (the lexer saw no earlier line close it). */
  closed(text: string): boolean {
    if (this.lineStart === this.bodyStart) return false;
    const lineStart = Math.max(this.bodyStart, text.lastIndexOf('\n', this.lineStart - 2) + 1);
    return this.closer.test(text.slice(lineStart, this.lineStart - 1));
  }

  grow(text: string): boolean {
    if (text.includes('\r', this.end)) return false;
    let at = this.lineStart;
    for (let newline = text.indexOf('\n', this.end); newline !== -1; newline = text.indexOf('\n', at)) {
      if (this.closer.test(text.slice(at, newline))) return false;
      at = newline + 1;
    }
    this.lineStart = at;
    this.end = text.length;
    return true;
  }

  view(text: string): OpenFence {
    const body = this.halfCloser.test(text.slice(this.lineStart))
      ? text.slice(this.bodyStart, this.lineStart)
      : text.slice(this.bodyStart);
    // As marked: an open fence's code drops the newline that ends its last line, unless that line is blank.
    const code = body.endsWith('\n') && body !== '\n' && !body.endsWith('\n\n') ? body.slice(0, -1) : body;
    return { type: 'fence', token: { type: 'code', raw: text.slice(this.start), lang: this.lang, text: code } };
  }
}
