import type { Links, MarkedToken, Token, TokensList } from 'marked';
import { lexMarkdown } from './lex-markdown.js';
import { trackOpenBlock, type OpenBlock, type OpenBlockTracker } from './open-block.js';
import { ownCopy } from './own-copy.js';

/**
 * A top-level Markdown block that is complete: it changes again only if a link definition it uses
 * arrives later. It keeps its text, not its tokens: render it from `lexMarkdown(source, links)`.
 */
export interface DoneBlock {
  /** Its position among the blocks; stable, so React keeps its element. */
  key: number;
  /** Its Markdown, a string of its own: a piece of the document would keep that whole version of the document alive. */
  source: string;
  /** The link definitions it resolves against (replaced when one it uses arrives later). */
  links: Links;
}

/** The document as blocks: the completed ones, and the raw text after them, still being written. */
export interface SplitDocument {
  done: readonly DoneBlock[];
  tail: string;
  /** The link definitions (`[label]: url`) of the done blocks, for lexing the tail with {@link lexMarkdown}. */
  links: Links;
  /** The tail when it is one paragraph or fenced code block being written: render it from this rather than lexing `tail`. */
  open?: OpenBlock | undefined;
}

/** Splits a growing Markdown document into blocks; see {@link createBlockSplitter}. */
export interface BlockSplitter {
  /** Takes the whole text so far; `complete` once no more will arrive, which makes every block done. */
  update(source: string, complete?: boolean): SplitDocument;
}

// A last line like `2`, `-`, `10.` or `|--` may still become a list item, table delimiter row, rule or
// underline, which can merge or re-split the blocks before it: nothing is finished until it settles.
const UNSETTLED_LAST_LINE = /^[ \t]*(?:\d{1,9}[.)]?|[-+*=|:][-+*=|: \t]*)$/;
// A bracketed label that could name a link definition (`[text][label]`, `[label][]`, `[label]`).
const LABEL = /\[((?:\\.|[^\\[\]])+)\]/g;

/**
 * Splits a growing Markdown document into blocks, lexing only the open tail on each update: a
 * block is complete once the next block has started and the text no longer ends in a line that
 * could still join them, and is never lexed again, unless a link definition it uses arrives
 * later. While the tail is one paragraph or fenced code block, an update that only adds to it is
 * not lexed at all (see {@link trackOpenBlock}). Text that does not extend the previous text is
 * split afresh.
 *
 * @example
 * const splitter = createBlockSplitter();
 * splitter.update('# Title\n\nSome te').done.length; // 1 (the heading)
 */
export function createBlockSplitter(): BlockSplitter {
  let source = '';
  let tailStart = 0;
  let done: DoneBlock[] = [];
  let links: Links = Object.create(null) as Links;
  // Labels used in done blocks that no definition matched yet, and the keys of the blocks using each.
  let waiting = new Map<string, Set<number>>();
  let tracker: OpenBlockTracker | undefined;
  let last: SplitDocument = { done, tail: '', links };
  let lastComplete = false;

  // The done blocks, those that use one of `labels` now resolving against `known`.
  const resolveReferences = (labels: readonly string[], known: Links): DoneBlock[] => {
    const keys = new Set(labels.flatMap((label) => [...(waiting.get(label) ?? [])]));
    if (keys.size === 0) return done;
    return done.map((block) => (keys.has(block.key) ? { ...block, links: known } : block));
  };

  // Blocks for the content among `tokens`, keyed from `key`, each with a copy of its own source.
  const ownBlocks = (tokens: readonly Token[], key: number, known: Links): DoneBlock[] =>
    contentOf(tokens).map((token, i) => ({ key: key + i, source: ownCopy(token.raw), links: known }));

  // Makes the first `count` tokens lexed from `open` (the text after the done blocks) done blocks.
  const finish = (tokens: TokensList, count: number, open: string) => {
    const finished = tokens.slice(0, count);
    const end = advance(
      open,
      0,
      finished.reduce((sum, token) => sum + token.raw.length, 0),
    );
    const before = links;
    // Their definitions and earlier ones only: a definition still being written after them must not resolve them.
    links = withDefinitions(finished, links);
    const blocks = ownBlocks(finished, done.length, links);
    for (const block of blocks) {
      for (const label of labelsIn(block.source))
        if (!(label in links)) waiting.set(label, (waiting.get(label) ?? new Set()).add(block.key));
    }
    const added = Object.keys(links).filter((label) => !(label in before));
    const resolved = resolveReferences(added, links);
    for (const label of added) waiting.delete(label);
    if (blocks.length > 0 || resolved !== done) done = [...resolved, ...blocks];
    tailStart += end;
  };

  return {
    update(next, complete = false) {
      if (next === source && complete === lastComplete) return last;
      // Only the tail is compared (a followed block only from its last line), so an append costs nothing proportional to the document.
      const from = tracker?.from ?? tailStart;
      const extends_ = next.length >= source.length && next.startsWith(source.slice(from), from);
      if (!extends_) {
        tailStart = 0;
        done = [];
        links = Object.create(null) as Links;
        waiting = new Map();
        tracker = undefined;
      }
      source = next;
      lastComplete = complete;
      if (!complete && tracker?.grow(next)) {
        last = { done, tail: next.slice(tailStart), links, open: tracker.view(next) };
        return last;
      }
      const open = next.slice(tailStart);
      const tokens = lexMarkdown(open, links);
      let lastContent = tokens.length - 1;
      while (lastContent > 0 && tokens[lastContent]?.type === 'space') lastContent--;
      const settled = lastContent > 0 && !UNSETTLED_LAST_LINE.test(next.slice(next.lastIndexOf('\n') + 1));
      if (settled) finish(tokens, lastContent, open);
      const rest = settled ? tokens.slice(lastContent) : tokens;
      if (!complete) {
        tracker = trackOpenBlock(next, tailStart, rest, links, tracker);
        last = { done, tail: next.slice(tailStart), links, open: tracker?.view(next) };
        return last;
      }
      tracker = undefined;
      // The open blocks are shown done but not kept: if the text grows after all, they are still open.
      const known = withDefinitions(rest, links);
      const blocks = ownBlocks(rest, done.length, known);
      const added = Object.keys(known).filter((label) => !(label in links));
      last = { done: [...resolveReferences(added, known), ...blocks], tail: '', links: known };
      return last;
    },
  };
}

const contentOf = (tokens: readonly Token[]): Token[] => tokens.filter((token) => token.type !== 'space');

/** Where `length` characters of `text` from `start` end, counting `\r\n` as one as marked does. */
function advance(text: string, start: number, length: number): number {
  let i = start;
  for (let n = 0; n < length; n++) i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
  return i;
}

/** `links` and the link definitions among `tokens` (nested in lists and quotes too) it lacks, copied out of the document; `links` itself if none. */
function withDefinitions(tokens: readonly Token[], links: Links): Links {
  let result = links;
  const visit = (list: readonly Token[]) => {
    for (const token of list as readonly MarkedToken[]) {
      if (token.type === 'def' && !(token.tag in result)) {
        if (result === links) result = Object.assign(Object.create(null) as Links, links);
        result[ownCopy(token.tag)] = { href: ownCopy(token.href), title: token.title && ownCopy(token.title) };
      } else if (token.type === 'blockquote') visit(token.tokens);
      else if (token.type === 'list') for (const item of token.items) visit(item.tokens);
    }
  };
  visit(tokens);
  return result;
}

/** The labels `[...]` in a block's source, normalised as marked matches them to definitions. */
function labelsIn(raw: string): string[] {
  if (!raw.includes('[')) return [];
  return [...raw.matchAll(LABEL)].map((match) =>
    (match[1] ?? '').trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase().toLowerCase(),
  );
}
