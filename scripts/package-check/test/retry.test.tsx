import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { Chat } from '../src/chat.js';
import { serve } from './mock.js';

const answer = 'Rivers carry water from the hills down to the sea, slowly and without rest.';

test('an answer whose connection drops shows Retry, and Retry completes it', async () => {
  // drop-after hits the first request only, as a flaky network would.
  serve({ scenario: { parts: [{ type: 'text', text: answer }] }, fault: 'drop-after=4' });
  const user = userEvent.setup();
  render(<Chat />);
  await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Tell me about rivers');
  await user.click(screen.getByRole('button', { name: 'Send' }));

  await user.click(await screen.findByRole('button', { name: 'Retry' }));

  await screen.findByText(answer);
  expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
});
