import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CodeBlock, Markdown } from './index.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const LOAD = { timeout: 15_000 };
const fence = (code: string) => `\`\`\`ts\n${code}\n\`\`\``;
// Each line starts with `const`: how many lines show highlighted.
const keywords = (root: HTMLElement) =>
  [...root.querySelectorAll('span.rill-code__token--keyword')].filter((span) => span.textContent === 'const').length;

describe('highlighting a long block within a budget per task', () => {
  it(
    'tokenises a few lines per task, shows the rest plain meanwhile, and ends fully highlighted',
    { timeout: 30_000 },
    async () => {
      const warm = render(<CodeBlock code="const x = 1;" language="ts" />);
      await waitFor(() => expect(keywords(warm.container)).toBe(1), LOAD);
      cleanup();
      // Every reading of the clock is a millisecond later: each line tokenised costs about one.
      let clock = 0;
      vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1));
      const code = Array.from({ length: 120 }, (_, i) => `const v${i} = ${i};`).join('\n');
      const { container } = render(<Markdown text={fence(code)} />);
      const first = keywords(container);
      expect(first).toBeGreaterThan(0);
      expect(first).toBeLessThan(20);
      expect(container.querySelector('code')?.textContent).toBe(code);
      const seen = [first];
      await waitFor(() => {
        seen.push(keywords(container));
        expect(keywords(container)).toBe(120);
      }, LOAD);
      expect(container.querySelector('code')?.textContent).toBe(code);
      // It only ever gained highlighted lines.
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
    },
  );

  it(
    'keeps the waiting lines of a long block in pieces that later slices leave as they are',
    { timeout: 30_000 },
    async () => {
      const warm = render(<CodeBlock code="const x = 1;" language="ts" />);
      await waitFor(() => expect(keywords(warm.container)).toBe(1), LOAD);
      cleanup();
      let clock = 0;
      vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1));
      const code = Array.from(
        { length: 400 },
        (_, i) => `const v${i} = lookup(table, ${i}); // the row numbered ${i}`,
      ).join('\n');
      const { container } = render(<Markdown text={fence(code)} />);
      const pieces = [...container.querySelectorAll('.rill-code__lines')];
      const last = pieces.at(-1);
      expect(pieces.length).toBeGreaterThan(2);
      const first = keywords(container);
      await waitFor(() => expect(keywords(container)).toBeGreaterThan(first), LOAD);
      // The backlog's last piece is the same element, with the same text.
      expect([...container.querySelectorAll('.rill-code__lines')]).toContain(last);
      expect(container.querySelector('code')?.textContent).toBe(code);
      await waitFor(() => expect(keywords(container)).toBe(400), LOAD);
      expect(container.querySelector('code')?.textContent).toBe(code);
    },
  );
});
