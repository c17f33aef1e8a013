import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect } from 'storybook/test';
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
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/stream\.start\(/).closest('pre')).not.toBeNull();
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
