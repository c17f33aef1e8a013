import type { Meta, StoryObj } from '@storybook/react-vite';
import { createMockHandlers } from '@rill/mock/msw';
import { expect } from 'storybook/test';
import { LiveAnswer } from '../../test/live-answer.js';

/**
 * Whole answers streamed through Rill's real stack (transport, provider decoder, store, hooks)
 * from @rill/mock's MSW handlers, in each provider's wire format, and with faults.
 */
const meta = {
  title: 'Live/Mock provider',
  component: LiveAnswer,
  tags: ['autodocs'],
  args: { provider: 'anthropic', scenario: 'tool-call' },
  beforeEach({ msw }) {
    msw.use(...createMockHandlers());
  },
} satisfies Meta<typeof LiveAnswer>;
export default meta;
type Story = StoryObj<typeof meta>;

const finishes: Story['play'] = async ({ canvas }) => {
  await expect(
    await canvas.findByText('Done', { selector: '.rill-stream-status__status' }, { timeout: 15_000 }),
  ).toBeTruthy();
};

export const Anthropic: Story = { args: { provider: 'anthropic', scenario: 'reasoning' }, play: finishes };
export const OpenAIChat: Story = { args: { provider: 'openai-chat', scenario: 'tool-call' }, play: finishes };
export const OpenAIResponses: Story = { args: { provider: 'openai-responses', scenario: 'text' }, play: finishes };
export const Gemini: Story = { args: { provider: 'gemini', scenario: 'tool-call' }, play: finishes };

/** The connection drops after 6 events; the transport resumes with Last-Event-ID and the answer completes. */
export const DroppedConnection: Story = { args: { scenario: 'reasoning', fault: 'drop-after=6' }, play: finishes };

/** Nothing arrives for 3 s after 4 events: the idle timeout (1.5 s) reconnects and resumes. */
export const Stall: Story = { args: { scenario: 'reasoning', fault: 'stall=3000;after=4' }, play: finishes };

/** The provider answers 429 with Retry-After: 2; the banner shows the server's wait from the store's reconnect reason alone, then the answer streams. */
export const RateLimited: Story = {
  args: { scenario: 'text', fault: '429;retry-after=2' },
  play: async ({ canvas }) => {
    await expect(await canvas.findByText(/^Reconnecting… rate limited/, {}, { timeout: 5000 })).toBeTruthy();
    await expect(
      await canvas.findByText('Done', { selector: '.rill-stream-status__status' }, { timeout: 15_000 }),
    ).toBeTruthy();
  },
};
