import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { reasoningPart, redactedReasoning } from '../../test/fixtures.js';
import { Reasoning } from './index.js';

const meta = {
  title: 'Components/Reasoning',
  component: Reasoning,
  tags: ['autodocs'],
  args: { part: reasoningPart },
} satisfies Meta<typeof Reasoning>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Streaming: Story = {
  args: { streaming: true, part: { type: 'reasoning', text: 'The user asks for the weather in Paris. I should call' } },
};

export const Collapsed: Story = {
  args: { durationMs: 4200 },
  play: async ({ canvas, userEvent }) => {
    const toggle = canvas.getByRole('button', { name: 'Thought for 4 s' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  },
};

export const Expanded: Story = { args: { durationMs: 4200, defaultOpen: true } };

export const Redacted: Story = { args: { part: redactedReasoning, durationMs: 2000, defaultOpen: true } };

export const Dark: Story = { args: { durationMs: 4200, defaultOpen: true }, parameters: { theme: 'dark' } };
