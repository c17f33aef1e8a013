import { cleanup, render } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_NESTING_DEPTH, Markdown } from './index.js';

afterEach(cleanup);

/** The longest chain of elements under `root`. */
function elementDepth(root: Element): number {
  let deepest = 0;
  const stack: [Element, number][] = [[root, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [element, depth] = next;
    deepest = Math.max(deepest, depth);
    for (const child of element.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

// A nesting level is at most two elements (a list and its item); block and inline nesting are limited apart.
const DEPTH_BOUND = 3 * MAX_NESTING_DEPTH + 4;

/** Renders `text`; checks the lexer kept it within the depth limit without the error boundary's help. */
function renderNested(text: string, streaming: boolean): HTMLElement {
  const { container } = render(<Markdown text={text} streaming={streaming} />);
  expect(container.querySelector('[data-state="plain"]')).toBeNull();
  expect(elementDepth(container)).toBeLessThanOrEqual(DEPTH_BOUND);
  return container;
}

describe('Markdown nested past the depth limit', () => {
  for (const streaming of [false, true]) {
    const mode = streaming ? ' mid-stream' : '';
    it(`'* '.repeat(1055) + 'x': ${MAX_NESTING_DEPTH} nested lists, the rest as written${mode}`, () => {
      const container = renderNested(`${'* '.repeat(1055)}x`, streaming);
      expect(container.querySelectorAll('ul')).toHaveLength(MAX_NESTING_DEPTH);
      expect(container.textContent).toBe(`${'* '.repeat(1055 - MAX_NESTING_DEPTH)}x`);
    });

    it(`'>'.repeat(1485): ${MAX_NESTING_DEPTH} nested quotes, the rest as written${mode}`, () => {
      const container = renderNested('>'.repeat(1485), streaming);
      expect(container.querySelectorAll('blockquote')).toHaveLength(MAX_NESTING_DEPTH);
      expect(container.textContent).toBe('>'.repeat(1485 - MAX_NESTING_DEPTH));
    });

    it(`'1. '.repeat(1349): ${MAX_NESTING_DEPTH} nested ordered lists${mode}`, () => {
      const container = renderNested('1. '.repeat(1349), streaming);
      expect(container.querySelectorAll('ol')).toHaveLength(MAX_NESTING_DEPTH);
    });

    it.each([
      ['*', 'em'],
      ['_', 'em'],
      ['**', 'strong'],
      ['~~', 'del'],
    ])(
      `emphasis %s 2,000 deep keeps its text and at most ${MAX_NESTING_DEPTH} %s elements${mode}`,
      (delimiter, tag) => {
        const text = `${`${delimiter}a `.repeat(2000)}core${` b${delimiter}`.repeat(2000)}`;
        const container = renderNested(text, streaming);
        expect(container.querySelectorAll(tag).length).toBeGreaterThan(0);
        expect(container.querySelectorAll(tag).length).toBeLessThanOrEqual(MAX_NESTING_DEPTH);
        expect(container.textContent).toContain('core');
      },
    );

    it(`a 10 MB paragraph that overflows marked's regular expressions is plain text; the blocks around it render${mode}`, () => {
      const huge = 'a '.repeat(5_000_000);
      const { container } = render(<Markdown text={`# Title\n\n${huge}\n\n*after*`} streaming={streaming} />);
      expect(container.querySelector('h1')?.textContent).toBe('Title');
      expect(container.querySelector('p')?.textContent?.length).toBeGreaterThanOrEqual(huge.length - 1);
      expect(container.querySelector('em')?.textContent).toBe('after');
    });
  }
});

type Kind = 'quote' | 'bullet' | 'ordered' | 'em' | 'underscore' | 'strong' | 'del' | 'link' | 'image';
const BLOCK: Partial<Record<Kind, string>> = { quote: '> ', bullet: '- ', ordered: '1. ' };
const INLINE: Partial<Record<Kind, [string, string]>> = {
  em: ['*', '*'],
  underscore: ['_', '_'],
  strong: ['**', '**'],
  del: ['~~', '~~'],
  link: ['[', '](https://example.com/a)'],
  image: ['![', '](https://example.com/i.png)'],
};
const kinds: Kind[] = ['quote', 'bullet', 'ordered', 'em', 'underscore', 'strong', 'del', 'link', 'image'];

/** `pattern` repeated to `depth` levels around `word`: block markers as the line's prefix, inline spans around the word. */
function nested(pattern: readonly Kind[], depth: number, word: string): string {
  let prefix = '';
  let open = '';
  let close = '';
  for (let level = 0; level < depth; level++) {
    const kind = pattern[level % pattern.length] as Kind;
    const block = BLOCK[kind];
    const inline = INLINE[kind];
    if (block !== undefined) prefix += block;
    if (inline !== undefined) {
      open += `${inline[0]}w `;
      close = ` w${inline[1]}${close}`;
    }
  }
  return `${prefix}${open}${word}${close}`;
}

describe('Markdown at any nesting depth (property)', () => {
  it('lists, quotes, emphasis, links and any mixture, 1 to 5,000 deep: renders within the limit, the text kept', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...kinds), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.boolean(),
        (pattern, depth, streaming) => {
          const container = renderNested(nested(pattern, depth, 'payload'), streaming);
          expect(container.textContent).toContain('payload');
          expect(container.querySelector('a a')).toBeNull();
          cleanup();
        },
      ),
      { numRuns: 80 },
    );
  }, 60_000);

  it('lists and quotes nested line by line (by indentation), up to 300 deep: renders within the limit, every line kept', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('- ', '* ', '1. ', '> '),
        fc.integer({ min: 1, max: 300 }),
        fc.boolean(),
        (marker, depth, streaming) => {
          const lines = Array.from({ length: depth }, (_, i) =>
            marker === '> ' ? `${'> '.repeat(i + 1)}line${i}` : `${' '.repeat(i * marker.length)}${marker}line${i}`,
          );
          const container = renderNested(lines.join('\n'), streaming);
          for (const i of [0, depth >> 1, depth - 1]) expect(container.textContent).toContain(`line${i}`);
          cleanup();
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
