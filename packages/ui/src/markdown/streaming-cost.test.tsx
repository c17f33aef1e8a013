import { cleanup, render } from '@testing-library/react';
import { Lexer } from 'marked';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Markdown } from './index.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

// One paragraph and one open code fence of about 110 KB each, appended to 64 characters at a time.
const paragraph = Array.from(
  { length: 1000 },
  (_, i) =>
    `Line ${i} of one long paragraph, with **bold words**, \`code\`, a [link](https://example.com/${i}) and _emphasis_.`,
).join('\n');
const fence = `\`\`\`ts\n${Array.from({ length: 2000 }, (_, i) => `const value${i} = compute(alpha, beta, gamma) + ${i}; // total`).join('\n')}`;
const APPEND = 64;
const MEASURED = 40;

/** Renders `text` streaming but for its last MEASURED appends, then calls `measure` around each of those. */
function streamEnd(text: string, measure: (append: () => void, container: HTMLElement) => void): void {
  const start = text.length - MEASURED * APPEND;
  const { container, rerender } = render(<Markdown text={text.slice(0, 4096)} streaming />);
  rerender(<Markdown text={text.slice(0, start)} streaming />);
  for (let end = start + APPEND; end <= text.length; end += APPEND)
    measure(() => rerender(<Markdown text={text.slice(0, end)} streaming />), container);
}

/** The most characters marked lexed (block and inline runs, nested ones again) for one append near the end of `text`. */
function mostLexedPerAppend(text: string): number {
  const lex = vi.spyOn(Lexer.prototype, 'lex');
  const inline = vi.spyOn(Lexer.prototype, 'inlineTokens');
  const lexed = () => [...lex.mock.calls, ...inline.mock.calls].reduce((sum, [src]) => sum + src.length, 0);
  let most = 0;
  streamEnd(text, (append) => {
    const before = lexed();
    append();
    most = Math.max(most, lexed() - before);
  });
  return most;
}

describe('Markdown streaming cost', () => {
  it.each([
    ['paragraph', paragraph],
    ['code fence', fence],
  ])('an append to a long %s lexes what changed, not the block (under 8 KB of 110 KB)', (_, text) => {
    expect(mostLexedPerAppend(text)).toBeLessThan(8192);
  });

  it('an append to a long code block changes the DOM text of its last lines, not all of it', () => {
    let most = 0;
    let container: HTMLElement | undefined;
    streamEnd(fence, (append, root) => {
      container = root;
      const observer = new MutationObserver(() => undefined);
      observer.observe(root, { subtree: true, characterData: true, childList: true });
      append();
      const changed = observer.takeRecords().reduce((sum, record) => {
        if (record.type === 'characterData') return sum + (record.target.textContent?.length ?? 0);
        return sum + [...record.addedNodes].reduce((added, node) => added + (node.textContent?.length ?? 0), 0);
      }, 0);
      observer.disconnect();
      most = Math.max(most, changed);
    });
    expect(most).toBeLessThan(16384);
    expect(container?.querySelector('code')?.textContent).toBe(fence.slice(fence.indexOf('\n') + 1));
  });

  it('a long paragraph being streamed lays out in runs of a few KB, so an append does not lay out all of it', () => {
    let largest = 0;
    streamEnd(paragraph, (append, root) => {
      append();
      // A browser lays out each block run alone; the text outside any run is the paragraph's own line box.
      const p = root.querySelector('p');
      const runs = [...(p?.querySelectorAll(':scope > .rill-md__run') ?? [])];
      const outside =
        (p?.textContent?.length ?? 0) - runs.reduce((sum, run) => sum + (run.textContent?.length ?? 0), 0);
      largest = Math.max(largest, outside, ...runs.map((run) => run.textContent?.length ?? 0));
    });
    expect(largest).toBeLessThan(24_576);
  });
});
