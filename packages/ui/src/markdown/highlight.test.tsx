import { act, cleanup, render, waitFor } from '@testing-library/react';
import fc from 'fast-check';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HighlightedLine, LineState, LoadedGrammar, TokenizeLine } from './highlight/code-tokens.js';
import { HighlightedCode } from './highlight/highlighted-code.js';
import type * as ShikiTokenizer from './highlight/shiki-tokenizer.js';
import { CodeBlock, Markdown } from './index.js';

// Every line the highlighter tokenises, through the real Shiki tokeniser.
const tokenised = vi.hoisted(() => ({ lines: [] as string[] }));
vi.mock('./highlight/shiki-tokenizer.js', async (importOriginal) => {
  const real = await importOriginal<typeof ShikiTokenizer>();
  return {
    loadGrammar: async (language: Parameters<typeof real.loadGrammar>[0]): Promise<LoadedGrammar> => {
      const { tokenize, createHighlight } = await real.loadGrammar(language);
      const counted: TokenizeLine = (line, state) => {
        tokenised.lines.push(line);
        return tokenize(line, state);
      };
      return { tokenize: counted, createHighlight };
    },
  };
});

// No tokenising budget here: these tests render many updates in one synchronous stack, which real updates never are
// (tokenize-budget.test.tsx covers the budget).
vi.mock('./highlight/tokenize-budget.js', () => ({ timeLeft: () => true }));

afterEach(cleanup);

const LOAD = { timeout: 15_000 };
const keyword = 'span.rill-code__token--keyword';
const fence = (language: string, code: string, closed = true) => `\`\`\`${language}\n${code}${closed ? '\n```' : ''}`;
const highlighted = (root: HTMLElement) => root.querySelector('.rill-code[data-highlighted]');
const codeText = (root: HTMLElement) => root.querySelector('code')?.textContent;

/** Renders `language` code once and waits until it shows highlighted, so its grammar is loaded for what follows. */
async function showHighlighted(language: string): Promise<void> {
  const { container, unmount } = render(<CodeBlock code="x" language={language} />);
  await waitFor(() => expect(highlighted(container)).not.toBeNull(), LOAD);
  unmount();
}

describe('Markdown code highlighting', () => {
  it('shows code plain at first, then highlighted once the grammar has loaded; the text stays the code', async () => {
    const code = 'export const answer: number = 42; // the answer';
    const { container } = render(<Markdown text={fence('ts', code)} />);
    expect(highlighted(container)).toBeNull();
    expect(container.querySelector('code span')).toBeNull();
    await waitFor(() => expect(highlighted(container)).not.toBeNull(), LOAD);
    expect(container.querySelectorAll(keyword).length).toBeGreaterThan(0);
    expect(container.querySelector('span.rill-code__token--comment')?.textContent).toBe('// the answer');
    expect(container.querySelectorAll('code')).toHaveLength(1);
    expect(codeText(container)).toBe(code);
  });

  it('once highlighted, a block being written stays highlighted after every append, to its end', async () => {
    await showHighlighted('ts');
    const code = Array.from(
      { length: 60 },
      (_, i) => `const line${i} = \`template ${i}\`; /* a comment ${i} */ if (line${i}) return;`,
    ).join('\n');
    const text = `Here:\n\n${fence('ts', code)}\n\nDone.`;
    const { container, rerender } = render(<Markdown text="" streaming />);
    let first: number | undefined;
    for (let end = 1; end <= text.length; end += 7) {
      rerender(<Markdown text={text.slice(0, end)} streaming />);
      const shown = container.querySelector('code');
      if (shown === null) continue;
      if (highlighted(container) !== null) first ??= end;
      else expect(first, `plain again at ${end} after highlighted at ${first}`).toBeUndefined();
    }
    rerender(<Markdown text={text} />);
    expect(first).toBeDefined();
    expect(highlighted(container)).not.toBeNull();
    expect(codeText(container)).toBe(code);
  });

  it('lays long code out in pieces of whole lines; an append leaves the done pieces as they were', async () => {
    await showHighlighted('ts');
    const code = Array.from({ length: 400 }, (_, i) => `const piece${i} = lookup(table, ${i}); // row ${i}`).join('\n');
    const { container, rerender } = render(<Markdown text="" streaming />);
    let pieces: Element[] = [];
    for (let end = 1; end <= code.length; end += 97) {
      rerender(<Markdown text={fence('ts', code.slice(0, end), false)} streaming />);
      const now = [...container.querySelectorAll('.rill-code__lines')];
      // Every piece but the last is the very element it was.
      pieces.slice(0, -1).forEach((piece, i) => expect(now[i]).toBe(piece));
      // (An open fence's code ends before a line end still to be followed by more.)
      expect(codeText(container)).toBe(code.slice(0, end).replace(/\n$/, ''));
      pieces = now;
    }
    expect(highlighted(container)).not.toBeNull();
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces.slice(0, -1)) expect(piece.textContent?.endsWith('\n')).toBe(true);
  });

  it('never tokenises a done block again: not when it settles, not when the message re-renders or remounts', async () => {
    await showHighlighted('ts');
    const code = Array.from({ length: 40 }, (_, i) => `export function f${i}(a: number) { return a * ${i}; }`).join(
      '\n',
    );
    const text = fence('ts', code);
    const { container, rerender, unmount } = render(<Markdown text="" streaming />);
    for (let end = 1; end < text.length; end += 5) rerender(<Markdown text={text.slice(0, end)} streaming />);
    // The last line may still be provisional: settling tokenises at most that one line.
    tokenised.lines.length = 0;
    rerender(<Markdown text={text} />);
    expect(tokenised.lines.join('\n').length).toBeLessThanOrEqual(code.slice(code.lastIndexOf('\n') + 1).length);
    expect(highlighted(container)).not.toBeNull();
    const settledHtml = container.innerHTML;

    tokenised.lines.length = 0;
    rerender(<Markdown text={`${text}\n\nAnd a paragraph after it.`} />);
    unmount();
    // A restored conversation: the same text mounted complete shows highlighted at once, from the cache.
    const restored = render(<Markdown text={text} />);
    expect(highlighted(restored.container)).not.toBeNull();
    expect(restored.container.innerHTML).toBe(settledHtml);
    expect(tokenised.lines).toEqual([]);
  });

  it('tokenises a restored message once: mounted again, its code renders from the cache', async () => {
    await showHighlighted('ts');
    const code = 'const restored = await load("conversation");\nrender(restored);';
    tokenised.lines.length = 0;
    const first = render(<Markdown text={fence('ts', code)} />);
    expect(highlighted(first.container)).not.toBeNull();
    expect(tokenised.lines).toEqual(code.split('\n'));
    const html = first.container.innerHTML;
    first.unmount();
    const again = render(<Markdown text={fence('ts', code)} />);
    expect(again.container.innerHTML).toBe(html);
    expect(tokenised.lines).toEqual(code.split('\n'));
  });

  it('leaves code in an unknown language, and all code with highlight={false}, plain', async () => {
    await showHighlighted('ts');
    const errors = vi.spyOn(console, 'error');
    const { container } = render(
      <>
        <Markdown text={fence('brainfuck', '++[>+<-]')} />
        <Markdown text={fence('ts', 'const off = true;')} highlight={false} />
        <Markdown text={fence('', 'no language at all')} />
      </>,
    );
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(highlighted(container)).toBeNull();
    expect(container.querySelector('code span')).toBeNull();
    expect([...container.querySelectorAll('code')].map((code) => code.textContent)).toEqual([
      '++[>+<-]',
      'const off = true;',
      'no language at all',
    ]);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('shows hostile code as the text it is', async () => {
    const code = '</code></pre><script>alert(1)</script><img src=x onerror=alert(2)>\n<style>*{}</style>';
    const { container } = render(<Markdown text={fence('html', code)} />);
    await waitFor(() => expect(highlighted(container)).not.toBeNull(), LOAD);
    expect(container.querySelector('script, img, style')).toBeNull();
    expect(container.querySelectorAll('code')).toHaveLength(1);
    expect(codeText(container)).toBe(code);
  });

  it('renders plain on the server and hydrates without a mismatch, then highlights', async () => {
    await showHighlighted('ts');
    const element = <Markdown text={fence('ts', 'const hydrated = 1;')} />;
    const root = document.createElement('div');
    root.innerHTML = renderToString(element);
    expect(highlighted(root)).toBeNull();
    document.body.append(root);
    const recoverable = vi.fn();
    const errors = vi.spyOn(console, 'error');
    await act(async () => {
      hydrateRoot(root, element, { onRecoverableError: recoverable });
    });
    await waitFor(() => expect(highlighted(root)).not.toBeNull(), LOAD);
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    root.remove();
  });
});

describe('CodeBlock highlighting code as it grows', () => {
  let tokenize: TokenizeLine;
  beforeAll(async () => {
    ({ tokenize } = await (await import('./highlight/shiki-tokenizer.js')).loadGrammar('typescript'));
    await showHighlighted('ts');
  }, LOAD.timeout);

  // What the whole code highlighted at once renders: each line tokenised from the state the line before left.
  function atOnce(code: string): string {
    const texts = code.split('\n');
    const lines: HighlightedLine[] = [];
    let state: LineState | undefined;
    for (const text of texts) {
      const line = tokenize(text, state);
      state = line.state;
      lines.push({ tokens: line.tokens, end: 0, state });
    }
    const last = lines.pop()?.tokens ?? [];
    const view = { lines, count: lines.length, pieceStarts: [], pieceCount: 0, last, rest: '', pending: false };
    return render(<HighlightedCode view={view} />).container.innerHTML;
  }

  // Code-like text: keywords, strings and comments that open on one line and close on another, any characters.
  const codeArb = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          'const ',
          'function ',
          '`',
          '${',
          '}',
          '/*',
          '*/',
          '//',
          '"',
          "'",
          '\\',
          '\n',
          ' ',
          '<T>',
          '42',
        ),
        fc.string({ unit: 'binary', maxLength: 6 }),
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join('').replaceAll('\r', ''));

  it('grown in any steps, renders exactly the code, as the whole code highlighted at once', () => {
    fc.assert(
      fc.property(codeArb, fc.array(fc.nat(), { maxLength: 6 }), (code, cuts) => {
        const ends = [...new Set(cuts.map((cut) => cut % (code.length + 1)))].sort((a, b) => a - b);
        const grown = render(<CodeBlock code="" language="ts" />);
        for (const end of [...ends, code.length]) {
          grown.rerender(<CodeBlock code={code.slice(0, end)} language="ts" />);
          expect(codeText(grown.container)).toBe(code.slice(0, end));
        }
        expect(highlighted(grown.container)).not.toBeNull();
        expect(grown.container.querySelector('code')?.innerHTML).toBe(atOnce(code));
        cleanup();
      }),
      { numRuns: 60 },
    );
  });
});
