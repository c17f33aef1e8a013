import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Interrupted } from './index.js';

afterEach(cleanup);

describe('Interrupted', () => {
  it('says the partial answer is kept, with the reason, and retries', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    render(
      <Interrupted
        error={{ kind: 'interrupted', message: 'The connection dropped.', retryable: true }}
        onRetry={onRetry}
      />,
    );
    expect(screen.getByRole('note').textContent).toContain(
      'The answer was interrupted. What arrived is kept above. (The connection dropped.)',
    );
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('has no button without onRetry', () => {
    render(<Interrupted />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
