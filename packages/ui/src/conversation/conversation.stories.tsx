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

// `window.find`, Chromium's find-in-page from script (not in the DOM typings).
declare global {
  interface Window {
    find(text: string, caseSensitive?: boolean, backwards?: boolean, wrapAround?: boolean): boolean;
  }
}

/**
 * 600 restored turns: it opens at the latest message, the browser skips the settled messages off
 * screen (content-visibility), and find-in-page still finds text in them.
 */
export const LongConversation: Story = {
  args: {
    children: Array.from({ length: 600 }, (_, i) => (
      <div key={i}>
        <p className="rill-user">
          Question {i + 1}: what is the weather in city number {i + 1}?
        </p>
        <MessageView message={{ ...assistantMessage('done'), id: `m${i}` }} />
      </div>
    )),
  },
  play: async ({ canvas, canvasElement }) => {
    const log = canvas.getByRole('log', { name: 'Conversation' });
    const atBottom = () => log.scrollHeight - log.clientHeight - log.scrollTop < 33;
    // Skipped messages render at their real size once near the viewport: following may take a few frames.
    for (let frame = 0; frame < 30 && !atBottom(); frame++)
      await new Promise((resolve) => requestAnimationFrame(resolve));
    await expect(atBottom()).toBe(true);
    const groups = [...canvasElement.querySelectorAll('.rill-conversation__group')];
    // The end of the last turn is what shows.
    const last = (groups.at(-1)?.lastElementChild as Element).getBoundingClientRect();
    const view = log.getBoundingClientRect();
    await expect(last.bottom > view.top && last.bottom <= view.bottom + 1).toBe(true);
    await expect(getComputedStyle(groups[0] as Element).contentVisibility).toBe('auto');
    await expect(getComputedStyle(groups.at(-1) as Element).contentVisibility).toBe('visible');
    await expect(window.find('Question 3: what is the weather in city number 3?', false, false, true)).toBe(true);
  },
};
