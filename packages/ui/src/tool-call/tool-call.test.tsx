import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toolCall } from '../../test/fixtures.js';
import { ToolCall } from './index.js';

afterEach(cleanup);

describe('ToolCall', () => {
  it('while the input streams: the tool name, a named busy indicator and the partial input', () => {
    render(<ToolCall part={toolCall('input-streaming')} />);
    const group = screen.getByRole('group', { name: 'Tool call: get_weather' });
    expect(group.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('progressbar', { name: 'Receiving input for get_weather' })).toBeTruthy();
    expect(group.textContent).toContain('"unit": "cel"');
  });

  it('awaiting approval: Approve and Deny work from the keyboard', async () => {
    const user = userEvent.setup();
    const onApprove = vi.fn();
    const onDeny = vi.fn();
    const part = toolCall('approval-requested');
    render(<ToolCall part={part} onApprove={onApprove} onDeny={onDeny} />);
    expect(screen.getByRole('group', { name: 'Tool call: get_weather' }).textContent).toContain('Awaiting approval');
    expect(screen.queryByRole('progressbar')).toBeNull();
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Approve' }));
    await user.keyboard('{Enter}');
    expect(onApprove).toHaveBeenCalledWith(part);
    await user.tab();
    await user.keyboard(' ');
    expect(onDeny).toHaveBeenCalledWith(part);
  });

  it('denied: says so with the reason, not busy, no buttons', () => {
    render(
      <ToolCall part={toolCall('approval-denied', { errorText: 'Not today.' })} onApprove={vi.fn()} onDeny={vi.fn()} />,
    );
    const group = screen.getByRole('group', { name: 'Tool call: get_weather' });
    expect(group.getAttribute('aria-busy')).toBe('false');
    expect(group.textContent).toContain('Denied');
    expect(group.textContent).toContain('Not today.');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('running: busy, no approval buttons', () => {
    render(<ToolCall part={toolCall('input-available')} />);
    expect(screen.getByRole('progressbar', { name: 'Running get_weather' })).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('output: shown, no longer busy', () => {
    render(<ToolCall part={toolCall('output-available')} />);
    const group = screen.getByRole('group', { name: 'Tool call: get_weather' });
    expect(group.getAttribute('aria-busy')).toBe('false');
    expect(group.textContent).toContain('"sky": "cloudy"');
  });

  it('error: announced as an alert', () => {
    render(<ToolCall part={toolCall('output-error')} />);
    expect(screen.getByRole('alert').textContent).toBe('Weather service timed out after 10 s.');
  });

  it('shows the raw argument text when no partial value could be parsed yet', () => {
    render(<ToolCall part={toolCall('input-streaming', { inputText: '{"ci', input: undefined })} />);
    expect(screen.getByText('{"ci')).toBeTruthy();
  });
});
