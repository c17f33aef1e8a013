import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import type { MockScenario } from '@rill/mock';
import { Chat } from '../src/chat.js';
import { serve } from './mock.js';

const askToDelete: MockScenario = {
  parts: [{ type: 'tool-call', toolCallId: 'call_1', toolName: 'delete_file', input: { path: 'notes.txt' } }],
};

test('a tool that needs approval shows Approve / Deny; Approve runs it and the answer completes', async () => {
  // The model asks for the tool, then answers from the result it is sent back (only what execute returned).
  serve({
    scenario: ({ body }) => {
      const sent = JSON.stringify(body.messages);
      if (!sent.includes('tool_result')) return askToDelete;
      return {
        parts: [
          { type: 'text', text: /deleted\W+notes\.txt/.test(sent) ? 'notes.txt is gone.' : 'Nothing was deleted.' },
        ],
      };
    },
  });
  const user = userEvent.setup();
  render(<Chat />);
  await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Delete notes.txt');
  await user.click(screen.getByRole('button', { name: 'Send' }));

  const approve = await screen.findByRole('button', { name: 'Approve' });
  screen.getByRole('button', { name: 'Deny' });
  await user.click(approve);

  await screen.findByText('notes.txt is gone.');
  expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
});
