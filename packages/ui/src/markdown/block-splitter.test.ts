import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { markdownAnswer } from '../../test/fixtures.js';
import { createBlockSplitter } from './block-splitter.js';
import { lexMarkdown } from './lex-markdown.js';

// gc() without starting node with --expose-gc: a context created after the flag is set has it.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGC(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** The heap that what `run` returns keeps alive, after GC. */
function keptBytes(run: () => unknown): number {
  const before = heapAfterGC();
  const kept = run();
  const bytes = heapAfterGC() - before;
  expect(kept).toBeDefined();
  return bytes;
}

// About 180 KB of answer, every copy of the fixture numbered so no two blocks are equal.
const answer = Array.from({ length: 320 }, (_, i) => markdownAnswer.replaceAll('provider', `provider ${i}`)).join('\n');

/** Streams `text` into a splitter as a message accumulator builds it (one concatenation per token, one update per few tokens); returns the splitter. */
function streamed(text: string) {
  const splitter = createBlockSplitter();
  let soFar = '';
  for (let at = 0, i = 0; at < text.length; i++) {
    const size = 4 + (i % 7);
    soFar += text.slice(at, at + size);
    at += size;
    if (i % 4 === 3) splitter.update(soFar);
  }
  splitter.update(soFar, true);
  return splitter;
}

describe('createBlockSplitter', () => {
  it('keeps less for a streamed answer than the tokens of the whole answer lexed at once (no copy of the document per block)', () => {
    // Each update's text is a new string; a block kept as a piece of one would keep all of that version alive.
    const streamedBytes = keptBytes(() => streamed(answer));
    const atOnceBytes = keptBytes(() => lexMarkdown(answer, {}));
    expect(streamedBytes).toBeLessThan(atOnceBytes);
  });

  it.each([
    ['the answer', answer],
    [
      'tight and loose lists, rules, quotes, indented code, HTML, a setext heading',
      '- a\n- b\n\n\n- c\n\npara\n***\n> q\n> r\n\n    code\n\n<div>\nx\n</div>\n\nSetext\n===\n\nend\n',
    ],
    [
      'CRLF line ends and references',
      'See [the docs][1].\r\n\r\n1. one\r\n\r\n2. two\r\n\r\n[1]: https://example.com/docs\r\n\r\nend',
    ],
  ])('%s: each done block, lexed from its own source, gives the tokens of the whole text lexed at once', (_, text) => {
    const done = streamed(text).update(text, true).done;
    const content = (tokens: readonly Token[]) => tokens.filter((token) => token.type !== 'space');
    expect(done.flatMap((block) => content(lexMarkdown(block.source, block.links)))).toEqual(
      content(lexMarkdown(text, {})),
    );
  });
});
