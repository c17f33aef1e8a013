import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect } from 'storybook/test';
import { StreamingText } from './index.js';

const sentence = 'Rill reveals streamed text at an even pace, so bursts of tokens read smoothly instead of jumping.';

const meta = {
  title: 'Components/StreamingText',
  component: StreamingText,
  tags: ['autodocs'],
  args: { text: sentence, status: 'done' },
} satisfies Meta<typeof StreamingText>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Done: Story = {};

/** Frozen mid-stream: busy, with a caret. */
export const Streaming: Story = { args: { text: sentence.slice(0, 40), status: 'streaming' } };

function Bursty() {
  const [length, setLength] = useState(0);
  useEffect(() => {
    if (length >= sentence.length) return;
    // Arrives in bursts of 20 characters every 400 ms; the smoothing spreads them out.
    const timer = setTimeout(() => setLength((n) => n + 20), 400);
    return () => clearTimeout(timer);
  }, [length]);
  return <StreamingText text={sentence.slice(0, length)} status={length < sentence.length ? 'streaming' : 'done'} />;
}

export const BurstyArrival: Story = {
  render: () => <Bursty />,
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(sentence, {}, { timeout: 8000 })).toHaveAttribute('aria-busy', 'false');
  },
};

export const Dark: Story = {
  args: { text: sentence.slice(0, 40), status: 'streaming' },
  parameters: { theme: 'dark' },
};
