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
    const { container } = render(<ReconnectBanner reconnect={{ attempt: 2, maxAttempts: 5, nextRetryAt: 13_000 }} />);
    expect(container.textContent).toBe('Reconnecting… attempt 2 of 5, next try in 3 s');
    act(() => vi.advanceTimersByTime(1000));
    expect(container.textContent).toBe('Reconnecting… attempt 2 of 5, next try in 2 s');
    act(() => vi.advanceTimersByTime(1000));
    act(() => vi.advanceTimersByTime(1000));
    expect(container.textContent).toBe('Reconnecting… attempt 2 of 5, trying now');
    expect(screen.getByRole('status').textContent).toBe('Reconnecting… attempt 2 of 5');
  });

  it.each([1500, 1500.5, 999.25])('counts a fractional wait (%s ms) in whole seconds, never below zero', (delayMs) => {
    vi.useFakeTimers({ now: 10_000 });
    const { container } = render(
      <ReconnectBanner reconnect={{ attempt: 1, maxAttempts: 5, nextRetryAt: 10_000 + delayMs }} />,
    );
    const seen: string[] = [];
    for (let t = 0; t <= delayMs + 3000; t += 250) {
      seen.push(container.textContent ?? '');
      act(() => vi.advanceTimersByTime(250));
    }
    const counts = [...new Set(seen.map((text) => text.replace('Reconnecting… attempt 1 of 5', '')))];
    expect(counts).toEqual([...(delayMs > 1000 ? [', next try in 2 s'] : []), ', next try in 1 s', ', trying now']);
  });

  it('shows the next second as soon as a fractional wait crosses it', () => {
    vi.useFakeTimers({ now: 10_000 });
    const { container } = render(<ReconnectBanner reconnect={{ attempt: 1, maxAttempts: 5, nextRetryAt: 11_500 }} />);
    expect(container.textContent).toBe('Reconnecting… attempt 1 of 5, next try in 2 s');
    act(() => vi.advanceTimersByTime(499));
    expect(container.textContent).toBe('Reconnecting… attempt 1 of 5, next try in 2 s');
    act(() => vi.advanceTimersByTime(1));
    expect(container.textContent).toBe('Reconnecting… attempt 1 of 5, next try in 1 s');
    act(() => vi.advanceTimersByTime(1000));
    expect(container.textContent).toBe('Reconnecting… attempt 1 of 5, trying now');
  });

  it('shows "trying now" for a retry time that is no number, never "NaN s"', () => {
    vi.useFakeTimers({ now: 10_000 });
    const { container } = render(
      <ReconnectBanner reconnect={{ attempt: 1, maxAttempts: 5, nextRetryAt: Number.NaN }} />,
    );
    expect(container.textContent).toBe('Reconnecting… attempt 1 of 5, trying now');
  });

  it('keeps the countdown out of the live region, so it is announced once per attempt, not every second', () => {
    vi.useFakeTimers({ now: 0 });
    const reconnect = { attempt: 2, maxAttempts: 5, nextRetryAt: 4000, reason: 'server', status: 503 } as const;
    const view = render(<ReconnectBanner reconnect={reconnect} />);
    const announced = new Set<string | null>();
    for (let i = 0; i < 5; i++) {
      announced.add(screen.getByRole('status').textContent);
      act(() => vi.advanceTimersByTime(1000));
    }
    expect([...announced]).toEqual(['Reconnecting… attempt 2 of 5 (the server answered 503)']);
    expect(screen.getByText(', trying now').getAttribute('aria-hidden')).toBe('true');
    view.rerender(<ReconnectBanner reconnect={{ ...reconnect, attempt: 3, nextRetryAt: 8000 }} />);
    expect(screen.getByRole('status').textContent).toBe('Reconnecting… attempt 3 of 5 (the server answered 503)');
  });

  it('shows a rate-limit wait', () => {
    vi.useFakeTimers({ now: 0 });
    const { container } = render(
      <ReconnectBanner reconnect={{ attempt: 2, maxAttempts: 5, nextRetryAt: 20_000 }} rateLimited />,
    );
    expect(container.textContent).toBe('Reconnecting… rate limited by the server, attempt 2 of 5, next try in 20 s');
    expect(screen.getByRole('status').textContent).toBe('Reconnecting… rate limited by the server, attempt 2 of 5');
  });

  it('shows the rate-limit wait from the reconnect reason, unless rateLimited says otherwise', () => {
    vi.useFakeTimers({ now: 0 });
    const reconnect = { attempt: 2, maxAttempts: 5, nextRetryAt: 20_000, reason: 'rate-limit', status: 429 } as const;
    const view = render(<ReconnectBanner reconnect={reconnect} />);
    expect(view.container.textContent).toBe(
      'Reconnecting… rate limited by the server, attempt 2 of 5, next try in 20 s',
    );
    view.rerender(<ReconnectBanner reconnect={reconnect} rateLimited={false} />);
    expect(view.container.textContent).toBe('Reconnecting… attempt 2 of 5, next try in 20 s');
  });

  it.each([
    ['server', 503, 'Reconnecting… attempt 2 of 5 (the server answered 503)'],
    ['network', undefined, 'Reconnecting… attempt 2 of 5 (the connection failed)'],
    ['stall', undefined, 'Reconnecting… attempt 2 of 5 (no data arrived in time)'],
    ['resume', undefined, 'Reconnecting… attempt 2 of 5 (the connection dropped; resuming where it stopped)'],
  ] as const)('says why it waits (%s)', (reason, status, text) => {
    vi.useFakeTimers({ now: 0 });
    const { container } = render(
      <ReconnectBanner reconnect={{ attempt: 2, maxAttempts: 5, nextRetryAt: 3000, reason, status }} />,
    );
    expect(screen.getByRole('status').textContent).toBe(text);
    expect(container.textContent).toBe(`${text}, next try in 3 s`);
  });

  it('"Retry now" calls back', async () => {
    const user = userEvent.setup();
    const onRetryNow = vi.fn();
    render(
      <ReconnectBanner
        reconnect={{ attempt: 3, maxAttempts: 5, nextRetryAt: Date.now() + 5000 }}
        onRetryNow={onRetryNow}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Retry now' }));
    expect(onRetryNow).toHaveBeenCalledOnce();
  });
});
