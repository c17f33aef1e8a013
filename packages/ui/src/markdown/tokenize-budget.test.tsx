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
});
