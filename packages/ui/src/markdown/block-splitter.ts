import { Lexer, type Token } from 'marked';

/** A top-level Markdown block that is complete: its tokens never change again. */
export interface DoneBlock {
  /** Its position among the blocks; stable, so React keeps its element. */
  key: number;
  tokens: Token[];
}

/** The document as blocks: the completed ones, and the raw text of the one still being written. */
export interface SplitDocument {
  done: readonly DoneBlock[];
  tail: string;
}

/**
 * Splits a growing Markdown document into blocks, lexing only the open tail on each update: a
 * block is complete once the next block has started, and is never lexed again. Text that does not
 * extend the previous text is split afresh.
 *
 * @example
 * const splitter = createBlockSplitter();
 * splitter.update('# Title\n\nSome te').done.length; // 1 (the heading)
 */
export function createBlockSplitter(): { update(source: string): SplitDocument } {
  let source = '';
  let tailStart = 0;
  let done: DoneBlock[] = [];
  let last: SplitDocument = { done, tail: '' };

  return {
    update(next) {
      if (next === source) return last;
      // Only the tail is compared, so an append costs nothing proportional to the document.
      const extends_ = next.length >= source.length && next.startsWith(source.slice(tailStart), tailStart);
      if (!extends_) {
        tailStart = 0;
        done = [];
      }
      source = next;
      const tokens = new Lexer({ gfm: true }).lex(next.slice(tailStart));
      let lastContent = tokens.length - 1;
      while (lastContent > 0 && tokens[lastContent]?.type === 'space') lastContent--;
      const added: DoneBlock[] = [];
      let offset = tailStart;
      for (let i = 0; i < lastContent; i++) {
        const token = tokens[i] as Token;
        offset += token.raw.length;
        if (token.type !== 'space') added.push({ key: done.length + added.length, tokens: [token] });
      }
      tailStart = offset;
      if (added.length > 0) done = [...done, ...added];
      last = { done, tail: next.slice(tailStart) };
      return last;
    },
  };
}
