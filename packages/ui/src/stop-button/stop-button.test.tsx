import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StopButton } from './index.js';

afterEach(cleanup);

describe('StopButton', () => {
  it('is a button named "Stop" that stops from the keyboard', async () => {
    const user = userEvent.setup();
    const onStop = vi.fn();
    render(<StopButton onStop={onStop} />);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Stop' }));
    await user.keyboard('{Enter}');
    expect(onStop).toHaveBeenCalledOnce();
  });

  it('is disabled when nothing streams', async () => {
    const user = userEvent.setup();
    const onStop = vi.fn();
    render(<StopButton onStop={onStop} streaming={false} />);
    const button = screen.getByRole('button', { name: 'Stop' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    await user.click(button);
    expect(onStop).not.toHaveBeenCalled();
  });
});
