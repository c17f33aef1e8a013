import { cleanup, render } from '@testing-library/react';
import { Lexer } from 'marked';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Markdown } from './index.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

// A restored answer: headings, a list, a quote, a code fence, a table and a reference link defined at the end.
const answer = [
  '## Notes on Paris',
  'The **short answer** is spring; see [the guide][guide] and `trip.md`.',
  '- Museums open late on Thursdays.\n- The old town is walkable.',
  '> Founded long before the railway came.',
  '```ts\nexport const days = 3;\n```',
  '| day | plan |\n| --- | --- |\n| 1 | museums |',
  '[guide]: https://example.com/guide',
].join('\n\n');

describe('Markdown given a complete text (a restored message)', () => {
  it('lexes it once, not once whole and again block by block', () => {
    const lex = vi.spyOn(Lexer.prototype, 'lex');
    render(<Markdown text={answer} />);
    expect(lex.mock.calls.reduce((sum, [src]) => sum + src.length, 0)).toBe(answer.length);
  });

  it('renders what the same text streamed to its end renders', () => {
    const streamed = render(<Markdown text="" streaming />);
    for (let end = 8; end < answer.length; end += 8)
      streamed.rerender(<Markdown text={answer.slice(0, end)} streaming />);
    streamed.rerender(<Markdown text={answer} />);
    const restored = render(<Markdown text={answer} />);
    expect(restored.container.innerHTML).toBe(streamed.container.innerHTML);
    expect(restored.container.querySelector('a')?.getAttribute('href')).toBe('https://example.com/guide');
  });
});
