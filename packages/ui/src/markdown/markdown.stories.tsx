import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { hostileMarkdown, markdownAnswer } from '../../test/fixtures.js';
import { Markdown } from './index.js';

const meta = {
  title: 'Components/Markdown',
  component: Markdown,
  tags: ['autodocs'],
  args: { text: markdownAnswer, streaming: false },
} satisfies Meta<typeof Markdown>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Complete: Story = {};

export const Dark: Story = { parameters: { theme: 'dark' } };

/** Cut mid-stream inside emphasis, inline code and a fenced block: each already renders as it will. */
export const MidStreamOpenFence: Story = {
  args: {
    text: 'Here is **the fix** with `useStream`:\n\n```ts\nconst stream = useStream({ url });\nstream.start(',
    streaming: true,
  },
  play: async ({ canvasElement }) => {
    // The code may already be highlighted (its text then spans several elements): look at the block's text.
    await expect(canvasElement.querySelector('pre code')?.textContent).toContain('stream.start(');
  },
};

/** Cut mid-stream inside a fenced block in a list item: it is already code, with no stray fence. */
export const MidStreamFenceInList: Story = {
  args: {
    text: 'Steps:\n\n1. Install:\n\n   ```sh\n   npm i @rill/ui\n   ```\n\n2. List the files:\n\n   ```sh\n   ls *.txt',
    streaming: true,
  },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('ls *.txt').closest('pre')).not.toBeNull();
    await expect(canvasElement.textContent).not.toContain('`');
  },
};

export const MidStreamEmphasis: Story = {
  args: { text: 'The answer is **almost certainly `42', streaming: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('42').tagName).toBe('CODE');
  },
};

export const MidStreamLink: Story = {
  args: { text: 'Read [the streaming guide](https://example.com/gui', streaming: true },
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole('link')).toBeNull();
  },
};

/** Model output that tries `<script>`, `<img onerror>`, `javascript:` links and entities: all inert. */
export const HostileOutput: Story = {
  args: { text: hostileMarkdown },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('script, img, [onerror]')).toBeNull();
  },
};

function Growing() {
  const [length, setLength] = useState(0);
  useEffect(() => {
    if (length >= markdownAnswer.length) return;
    const timer = setTimeout(() => setLength((n) => n + 6), 20);
    return () => clearTimeout(timer);
  }, [length]);
  return <Markdown text={markdownAnswer.slice(0, length)} streaming={length < markdownAnswer.length} />;
}

/** The sample document typed out six characters at a time. */
export const Streaming: Story = {
  render: () => <Growing />,
  play: async ({ canvas }) => {
    await expect(await canvas.findByRole('table', {}, { timeout: 10_000 })).toBeTruthy();
  },
};

const highlightedAnswer = [
  'A retry helper, then how to run it:',
  '```ts',
  '/** Retries `run` with backoff; gives up after `attempts` tries. */',
  'export async function retry<T>(run: () => Promise<T>, attempts = 3): Promise<T> {',
  '  for (let attempt = 0; ; attempt++) {',
  '    try {',
  '      return await run();',
  '    } catch (error: unknown) {',
  '      if (attempt + 1 >= attempts) throw new Error(`failed after ${attempts} tries`, { cause: error });',
  '      await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100));',
  '    }',
  '  }',
  '}',
  '```',
  '```sh',
  'npx tsx retry.ts --attempts 5 # prints each try',
  '```',
].join('\n');

/** Code in a known language is highlighted once its grammar has loaded (lazily); the text stays the code. */
export const HighlightedCode: Story = {
  args: { text: highlightedAnswer },
  play: async ({ canvasElement }) => {
    await expect(
      await waitFor(
        () => {
          const blocks = canvasElement.querySelectorAll('.rill-code[data-highlighted]');
          if (blocks.length < 2) throw new Error('not highlighted yet');
          return blocks;
        },
        { timeout: 10_000 },
      ),
    ).toHaveLength(2);
    await expect(canvasElement.querySelector('code')?.textContent).toContain('export async function retry<T>');
    await expect(canvasElement.querySelector('.rill-code__token--keyword')).not.toBeNull();
  },
};

export const HighlightedCodeDark: Story = { ...HighlightedCode, parameters: { theme: 'dark' } };

function GrowingCode() {
  const [length, setLength] = useState(0);
  useEffect(() => {
    if (length >= highlightedAnswer.length) return;
    const timer = setTimeout(() => setLength((n) => n + 5), 20);
    return () => clearTimeout(timer);
  }, [length]);
  return <Markdown text={highlightedAnswer.slice(0, length)} streaming={length < highlightedAnswer.length} />;
}

/** Code highlighted while it streams, a few characters at a time: once coloured it stays coloured. */
export const HighlightedWhileStreaming: Story = {
  render: () => <GrowingCode />,
  play: async ({ canvasElement }) => {
    await waitFor(
      () => {
        const done = canvasElement.querySelector('.rill-md')?.getAttribute('data-state') === 'done';
        if (!done || canvasElement.querySelectorAll('.rill-code[data-highlighted]').length < 2)
          throw new Error('still streaming');
      },
      { timeout: 15_000 },
    );
  },
};

/** `highlight={false}`: every code block plain. */
export const HighlightOff: Story = {
  args: { text: highlightedAnswer, highlight: false },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-highlighted], .rill-code__token--keyword')).toBeNull();
  },
};
