import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn } from 'storybook/test';
import { ReconnectBanner, type BannerReconnect, type ReconnectBannerProps } from './index.js';

// The wait is fixed when the story mounts, so a screenshot taken soon after reads "3 s".
function Banner({
  waitMs,
  attempt,
  maxAttempts,
  reason,
  status,
  ...props
}: Omit<ReconnectBannerProps, 'reconnect'> & Omit<BannerReconnect, 'nextRetryAt'> & { waitMs: number }) {
  const [nextRetryAt] = useState(() => Date.now() + waitMs);
  return <ReconnectBanner {...props} reconnect={{ attempt, maxAttempts, nextRetryAt, reason, status }} />;
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
    await expect(canvas.getByRole('status')).toHaveTextContent(/^Reconnecting… attempt 2 of 5$/);
    await expect(canvas.getByText(/^, next try in \d s$/)).toHaveAttribute('aria-hidden', 'true');
    await userEvent.click(canvas.getByRole('button', { name: 'Retry now' }));
    await expect(args.onRetryNow).toHaveBeenCalled();
  },
};

/** The store says the wait is a 429's: the banner shows it without `rateLimited`. */
export const RateLimited: Story = {
  args: { reason: 'rate-limit', status: 429, waitMs: 20_000 },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent(
      /^Reconnecting… rate limited by the server, attempt 2 of 5$/,
    );
    await expect(canvas.getByText(', next try in 20 s')).toBeVisible();
  },
};

/** `rateLimited` still forces the rate-limit wording where the app knows better. */
export const RateLimitedByProp: Story = { args: { rateLimited: true, waitMs: 20_000 } };

export const ServerError: Story = {
  args: { reason: 'server', status: 503 },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent(/\(the server answered 503\)$/);
  },
};

export const Resuming: Story = { args: { reason: 'resume' } };

export const TryingNow: Story = { args: { attempt: 5, waitMs: 0 } };

export const Dark: Story = { parameters: { theme: 'dark' } };
