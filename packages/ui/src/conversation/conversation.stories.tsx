import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { assistantMessage } from '../../test/fixtures.js';
import { MessageView } from '../message-view/index.js';
import { Conversation } from './index.js';

const meta = {
  title: 'Components/Conversation',
  component: Conversation,
  tags: ['autodocs'],
  decorators: [(Story) => <div style={{ height: 320 }}>{Story()}</div>],
  args: {
    children: [0, 1, 2].map((i) => (
      <div key={i}>
        <p className="rill-user">Question {i + 1}: what is the weather in Paris?</p>
        <MessageView message={{ ...assistantMessage('done'), id: `m${i}` }} />
      </div>
    )),
  },
} satisfies Meta<typeof Conversation>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Opens at the latest message. */
export const Following: Story = {
  play: async ({ canvas }) => {
    const log = canvas.getByRole('log', { name: 'Conversation' });
    await expect(log.scrollHeight - log.clientHeight - log.scrollTop).toBeLessThan(33);
  },
};

/** Scrolled up by the user: a "Jump to latest" button brings the newest message back. */
export const ScrolledUp: Story = {
  play: async ({ canvas, userEvent }) => {
    const log = canvas.getByRole('log', { name: 'Conversation' });
    log.scrollTop = 0;
    log.dispatchEvent(new Event('scroll'));
    const grown = document.createElement('p');
    grown.textContent = 'More text arrives below.';
    grown.style.height = '200px';
    log.firstElementChild?.appendChild(grown);
    const jump = await canvas.findByRole('button', { name: 'Jump to latest' });
    await userEvent.click(jump);
    await expect(canvas.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
  },
};
