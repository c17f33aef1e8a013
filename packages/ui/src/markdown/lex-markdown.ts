import { Lexer, type Links, type Token, type Tokens, type TokensList } from 'marked';

/**
 * How deep Markdown nests before the rest is shown as written: block quotes and list items (block
 * nesting), and emphasis, strikethrough, links and images (inline nesting), each counted apart.
 */
export const MAX_NESTING_DEPTH = 32;

// marked lexes each nested quote, list item and inline span with a recursive call: a few KB of
// `>>>>` or `* * *` would exhaust the stack. Past the limit the source is kept as text instead.
class NestingLimitedLexer extends Lexer {
  private depth = 0;

  override blockTokens(src: string, tokens?: Token[], lastParagraphClipped?: boolean): Token[];
  override blockTokens(src: string, tokens?: TokensList, lastParagraphClipped?: boolean): TokensList;
  override blockTokens(src: string, tokens: Token[] = [], lastParagraphClipped = false): Token[] {
    if (this.depth >= MAX_NESTING_DEPTH) {
      tokens.push(plainParagraph(src));
      return tokens;
    }
    this.depth++;
    try {
      return super.blockTokens(src, tokens, lastParagraphClipped);
    } finally {
      this.depth--;
    }
  }

  override inlineTokens(src: string, tokens: Token[] = []): Token[] {
    if (this.depth >= MAX_NESTING_DEPTH) {
      tokens.push(plainText(src));
      return tokens;
    }
    this.depth++;
    try {
      return super.inlineTokens(src, tokens);
    } finally {
      this.depth--;
    }
  }
}

const plainText = (text: string): Tokens.Text => ({ type: 'text', raw: text, text, escaped: false });
const plainParagraph = (text: string): Tokens.Paragraph => ({
  type: 'paragraph',
  raw: text,
  text,
  tokens: [plainText(text)],
});

const BLANK_LINES = /\n(?:[ \t]*\n)+/g;

/**
 * Lexes Markdown with the link definitions already known, so `[text][label]` resolves against them.
 * Never throws: nesting deeper than {@link MAX_NESTING_DEPTH} stays text, and if marked fails on
 * the text (a regular expression overflowing on megabytes of one paragraph), each blank-line
 * separated block is lexed alone and one that still fails is a plain-text paragraph.
 *
 * @example
 * lexMarkdown('[docs][1]', { '1': { href: 'https://example.com', title: '' } });
 */
export function lexMarkdown(text: string, links: Links): TokensList {
  try {
    return lex(text, links);
  } catch {
    return lexBlockByBlock(text, links);
  }
}

/**
 * Lexes a paragraph's inline content (no block structure) with the link definitions already
 * known. Never throws: nesting deeper than {@link MAX_NESTING_DEPTH} stays text, and text marked
 * fails on is one text token.
 *
 * @example
 * lexInline('some **bold** text', {}); // [text, strong, text]
 */
export function lexInline(text: string, links: Links): Token[] {
  try {
    const lexer = new NestingLimitedLexer({ gfm: true });
    Object.assign(lexer.tokens.links, links);
    return lexer.inlineTokens(text);
  } catch {
    return [plainText(text)];
  }
}

function lex(text: string, links: Links): TokensList {
  const lexer = new NestingLimitedLexer({ gfm: true });
  Object.assign(lexer.tokens.links, links);
  return lexer.lex(text);
}

function lexBlockByBlock(text: string, links: Links): TokensList {
  // As marked does first, so every token's `raw` still counts the characters the block splitter counts.
  const source = text.replace(/\r\n|\r/g, '\n');
  const tokens: Token[] = [];
  const known: Links = Object.assign(Object.create(null) as Links, links);
  let at = 0;
  const addBlock = (block: string) => {
    if (block === '') return;
    try {
      const lexed = lex(block, known);
      Object.assign(known, lexed.links);
      tokens.push(...lexed);
    } catch {
      tokens.push(plainParagraph(block));
    }
  };
  for (const gap of source.matchAll(BLANK_LINES)) {
    addBlock(source.slice(at, gap.index));
    tokens.push({ type: 'space', raw: gap[0] });
    at = gap.index + gap[0].length;
  }
  addBlock(source.slice(at));
  return Object.assign(tokens, { links: known });
}
