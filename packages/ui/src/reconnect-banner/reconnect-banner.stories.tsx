import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn } from 'storybook/test';
import { ReconnectBanner, type ReconnectBannerProps } from './index.js';

// The wait is fixed when the story mounts, so a screenshot taken soon after reads "3 s".
function Banner({ waitMs, ...props }: Omit<ReconnectBannerProps, 'reconnect'> & { waitMs: number; attempt: number; maxAttempts: number }) {
  const [nextRetryAt] = useState(() => Date.now() + waitMs);
  return <ReconnectBanner {...props} reconnect={{ attempt: props.attempt, maxAttempts: props.maxAttempts, nextRetryAt }} />;
}

const meta = {
  title: 'Components/ReconnectBanner',
  component: Banner,
  tags: ['autodocs'],
  args: { attempt: 2, maxAttempts: 5, waitMs: 3000, onRetryNow: fn() },
} satisfies Meta<typeof Banner>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Reconnecting: Story = {
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent(/^Reconnecting… attempt 2 of 5, next try in \d s$/);
    await userEvent.click(canvas.getByRole('button', { name: 'Retry now' }));
    await expect(args.onRetryNow).toHaveBeenCalled();
  },
};

export const RateLimited: Story = { args: { rateLimited: true, waitMs: 20_000 } };

export const TryingNow: Story = { args: { attempt: 5, waitMs: 0 } };

export const Dark: Story = { parameters: { theme: 'dark' } };
