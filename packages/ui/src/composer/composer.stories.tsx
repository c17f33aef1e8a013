import type { Meta, StoryObj } from '@storybook/react-vite';
import { providerRequestPath } from '@rill/core';
import { createMockHandlers } from '@rill/mock/msw';
import { useChat } from '@rill/react';
import { expect, fn } from 'storybook/test';
import { Conversation } from '../conversation/index.js';
import { MessageView } from '../message-view/index.js';
import { Composer } from './index.js';

const meta = {
  title: 'Components/Composer',
  component: Composer,
  tags: ['autodocs'],
  args: { onSend: fn(), onStop: fn(), status: 'idle', placeholder: 'Ask anything…' },
} satisfies Meta<typeof Composer>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Empty: Send is disabled until there is text. */
export const Idle: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toBeEnabled();
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeDisabled();
    await expect(canvas.queryByRole('button', { name: 'Stop' })).toBeNull();
  },
};

/** Shift+Enter adds a line, Enter sends both lines and clears the box. */
export const Typing: Story = {
  args: { defaultValue: 'What is the weather' },
  play: async ({ canvas, args, userEvent }) => {
    const box = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.type(box, ' in Paris?{Shift>}{Enter}{/Shift}And in Lyon?');
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeEnabled();
    await userEvent.keyboard('{Enter}');
    await expect(args.onSend).toHaveBeenCalledWith('What is the weather in Paris?\nAnd in Lyon?');
    await expect(box).toHaveValue('');
  },
};

/** While the answer streams: the draft waits (Send disabled) and Stop is offered. */
export const Streaming: Story = {
  args: { status: 'streaming', defaultValue: 'A follow-up question' },
  play: async ({ canvas, args, userEvent }) => {
    await expect(canvas.getByRole('button', { name: 'Send' })).toBeDisabled();
    await userEvent.click(canvas.getByRole('button', { name: 'Stop' }));
    await expect(args.onStop).toHaveBeenCalled();
  },
};

export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toBeDisabled();
  },
};

export const Dark: Story = {
  args: { status: 'streaming', defaultValue: 'A follow-up question' },
  parameters: { theme: 'dark' },
};

function LiveChat() {
  const chat = useChat({
    provider: 'openai-chat',
    url: `${window.location.origin}${providerRequestPath('openai-chat', 'gpt-5-mini')}`,
    model: 'gpt-5-mini',
  });
  return (
    <div style={{ display: 'grid', gap: '0.75rem' }}>
      <div style={{ height: 240 }}>
        <Conversation>
          {chat.messages.map((entry) =>
            entry.role === 'user' ? (
              <p key={entry.id} className="rill-user">
                {entry.text}
              </p>
            ) : (
              <MessageView key={entry.id} message={entry.message} />
            ),
          )}
        </Conversation>
      </div>
      <Composer status={chat.status} onSend={chat.send} onStop={chat.stop} placeholder="Ask the mock model…" />
    </div>
  );
}

/** Wired to `useChat` on @rill/mock: Enter sends, Stop appears while the answer streams and ends it. */
export const LiveWithUseChat: StoryObj<typeof LiveChat> = {
  render: () => <LiveChat />,
  beforeEach({ msw }) {
    msw.use(...createMockHandlers({ scenario: 'long-text', timing: { ttftMs: 100, tokenDelayMs: 40 } }));
  },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'Tell me a long story{Enter}');
    const stop = await canvas.findByRole('button', { name: 'Stop' }, { timeout: 5000 });
    await expect(await canvas.findByRole('article', { busy: true }, { timeout: 5000 })).toBeTruthy();
    await userEvent.click(stop);
    await expect(canvas.queryByRole('button', { name: 'Stop' })).toBeNull();
    await expect(await canvas.findByText('Stopped.', {}, { timeout: 5000 })).toBeTruthy();
  },
};
