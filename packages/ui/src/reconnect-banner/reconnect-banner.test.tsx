import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReconnectBanner } from './index.js';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('ReconnectBanner', () => {
  it('is a status starting with "Reconnecting" and counts down to the next try', () => {
    vi.useFakeTimers({ now: 10_000 });
    render(<ReconnectBanner reconnect={{ attempt: 2, maxAttempts: 5, nextRetryAt: 13_000 }} />);
    expect(screen.getByRole('status').textContent).toBe('Reconnecting… attempt 2 of 5, next try in 3 s');
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByRole('status').textContent).toBe('Reconnecting… attempt 2 of 5, next try in 2 s');
    act(() => vi.advanceTimersByTime(1000));
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByRole('status').textContent).toBe('Reconnecting… attempt 2 of 5, trying now');
  });

  it('shows a rate-limit wait', () => {
    vi.useFakeTimers({ now: 0 });
    render(<ReconnectBanner reconnect={{ attempt: 2, maxAttempts: 5, nextRetryAt: 20_000 }} rateLimited />);
    expect(screen.getByRole('status').textContent).toBe('Reconnecting… rate limited by the server, attempt 2 of 5, next try in 20 s');
  });

  it('shows the rate-limit wait from the reconnect reason, unless rateLimited says otherwise', () => {
    vi.useFakeTimers({ now: 0 });
    const reconnect = { attempt: 2, maxAttempts: 5, nextRetryAt: 20_000, reason: 'rate-limit', status: 429 } as const;
    const view = render(<ReconnectBanner reconnect={reconnect} />);
    expect(screen.getByRole('status').textContent).toBe('Reconnecting… rate limited by the server, attempt 2 of 5, next try in 20 s');
    view.rerender(<ReconnectBanner reconnect={reconnect} rateLimited={false} />);
    expect(screen.getByRole('status').textContent).toBe('Reconnecting… attempt 2 of 5, next try in 20 s');
  });

  it.each([
    ['server', 503, 'Reconnecting… attempt 2 of 5, next try in 3 s (the server answered 503)'],
    ['network', undefined, 'Reconnecting… attempt 2 of 5, next try in 3 s (the connection failed)'],
    ['stall', undefined, 'Reconnecting… attempt 2 of 5, next try in 3 s (no data arrived in time)'],
    ['resume', undefined, 'Reconnecting… attempt 2 of 5, next try in 3 s (the connection dropped; resuming where it stopped)'],
  ] as const)('says why it waits (%s)', (reason, status, text) => {
    vi.useFakeTimers({ now: 0 });
    render(<ReconnectBanner reconnect={{ attempt: 2, maxAttempts: 5, nextRetryAt: 3000, reason, status }} />);
    expect(screen.getByRole('status').textContent).toBe(text);
  });

  it('"Retry now" calls back', async () => {
    const user = userEvent.setup();
    const onRetryNow = vi.fn();
    render(<ReconnectBanner reconnect={{ attempt: 3, maxAttempts: 5, nextRetryAt: Date.now() + 5000 }} onRetryNow={onRetryNow} />);
    await user.click(screen.getByRole('button', { name: 'Retry now' }));
    expect(onRetryNow).toHaveBeenCalledOnce();
  });
});
