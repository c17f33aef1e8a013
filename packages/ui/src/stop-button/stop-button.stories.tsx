import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { StopButton } from './index.js';

const meta = {
  title: 'Components/StopButton',
  component: StopButton,
  tags: ['autodocs'],
  args: { onStop: fn(), streaming: true },
} satisfies Meta<typeof StopButton>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Streaming: Story = {
  play: async ({ canvas, args, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Stop' }));
    await expect(args.onStop).toHaveBeenCalled();
  },
};

export const Idle: Story = { args: { streaming: false } };
