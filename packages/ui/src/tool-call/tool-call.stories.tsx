import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { toolCall } from '../../test/fixtures.js';
import { ToolCall } from './index.js';

const meta = {
  title: 'Components/ToolCall',
  component: ToolCall,
  tags: ['autodocs'],
  args: { part: toolCall('input-streaming'), onApprove: fn(), onDeny: fn() },
} satisfies Meta<typeof ToolCall>;
export default meta;
type Story = StoryObj<typeof meta>;

export const InputStreaming: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('progressbar', { name: 'Receiving input for get_weather' })).toBeTruthy();
  },
};

export const AwaitingApproval: Story = {
  args: { part: toolCall('approval-requested') },
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Approve' }));
    await expect(args.onApprove).toHaveBeenCalled();
  },
};

export const Running: Story = { args: { part: toolCall('input-available') } };

export const Output: Story = { args: { part: toolCall('output-available') } };

export const Denied: Story = {
  args: { part: toolCall('approval-denied', { errorText: 'The user denied this tool call.' }) },
};

export const Error: Story = { args: { part: toolCall('output-error') } };

export const Dark: Story = { args: { part: toolCall('approval-requested') }, parameters: { theme: 'dark' } };
