import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { Interrupted } from './index.js';

const meta = {
  title: 'Components/Interrupted',
  component: Interrupted,
  tags: ['autodocs'],
  args: {
    onRetry: fn(),
    error: { kind: 'interrupted', message: 'The connection dropped after 42 events.', retryable: true },
  },
} satisfies Meta<typeof Interrupted>;
export default meta;
type Story = StoryObj<typeof meta>;

export const WithRetry: Story = {};
export const WithoutRetry: Story = { args: { onRetry: undefined, error: undefined } };
export const Dark: Story = { parameters: { theme: 'dark' } };
