import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StreamStatus } from './index.js';

afterEach(cleanup);

const metrics = {
  ttftMs: 320,
  tokensPerSecond: 41.6,
  tokenParts: 120,
  reconnects: 0,
  bufferingSuspected: false,
  ended: false,
};

describe('StreamStatus', () => {
  it('shows the status, time to first token and tokens/s', () => {
    const { container } = render(<StreamStatus status="streaming" metrics={metrics} />);
    expect(container.textContent).toBe('StatusStreamingTime to first token320 msSpeed42 tokens/s');
  });

  it('shows only the status before any token', () => {
    render(
      <StreamStatus
        status="connecting"
        metrics={{ tokenParts: 0, reconnects: 0, bufferingSuspected: false, ended: false }}
      />,
    );
    expect(screen.getByText('Connecting')).toBeTruthy();
    expect(screen.queryByText('Time to first token')).toBeNull();
  });

  it('names a stopped stream "Stopped" and slow first tokens in seconds', () => {
    render(<StreamStatus status="aborted" metrics={{ ...metrics, ttftMs: 2400 }} />);
    expect(screen.getByText('Stopped')).toBeTruthy();
    expect(screen.getByText('2.4 s')).toBeTruthy();
  });
});
