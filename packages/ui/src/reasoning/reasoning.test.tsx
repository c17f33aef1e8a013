import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reasoningPart, redactedReasoning } from '../../test/fixtures.js';
import { Reasoning } from './index.js';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('Reasoning', () => {
  it('is open and says "Thinking…" while it streams', () => {
    render(<Reasoning part={reasoningPart} streaming />);
    const toggle = screen.getByRole('button', { name: 'Thinking…' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText(/call get_weather/)).toBeTruthy();
  });

  it('collapses and expands from the keyboard', async () => {
    const user = userEvent.setup();
    render(<Reasoning part={reasoningPart} durationMs={4200} />);
    const toggle = screen.getByRole('button', { name: 'Thought for 4 s' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText(/call get_weather/)).toBeNull();
    await user.tab();
    await user.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText(/call get_weather/)).toBeTruthy();
  });

  it('measures how long it thought when no duration is given', () => {
    vi.useFakeTimers({ now: 0 });
    const { rerender } = render(<Reasoning part={reasoningPart} streaming />);
    vi.setSystemTime(7000);
    rerender(<Reasoning part={reasoningPart} streaming={false} />);
    expect(screen.getByRole('button', { name: 'Thought for 7 s' })).toBeTruthy();
  });

  it('shows redacted reasoning as redacted, not its ciphertext', () => {
    render(<Reasoning part={redactedReasoning} defaultOpen />);
    expect(screen.getByText('The provider redacted this reasoning.')).toBeTruthy();
    expect(screen.queryByText(/EuYBCkQ/)).toBeNull();
  });
});
