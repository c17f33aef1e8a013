import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { assistantMessage, markdownAnswer, toolCall } from '../../test/fixtures.js';
import { MessageView } from './index.js';

const meta = {
  title: 'Components/MessageView',
  component: MessageView,
  tags: ['autodocs'],
  args: { message: assistantMessage('done'), onRetry: fn(), onApprove: fn(), onDeny: fn() },
} satisfies Meta<typeof MessageView>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Done: Story = {};

export const Streaming: Story = {
  args: { message: { role: 'assistant', status: 'streaming', parts: [{ type: 'text', text: markdownAnswer.slice(0, 260) }] } },
};

export const ToolApproval: Story = {
  args: {
    message: { role: 'assistant', status: 'done', finishReason: 'tool-calls', parts: [{ type: 'text', text: 'I will email the forecast to you.' }, toolCall('approval-requested', { toolName: 'send_email' })] },
  },
};

export const Interrupted: Story = { args: { message: assistantMessage('interrupted', 'It will be **18 °C** and clou') } };

export const Error: Story = { args: { message: assistantMessage('error', '') } };

export const Stopped: Story = { args: { message: assistantMessage('aborted', 'It will be') } };

export const Dark: Story = { parameters: { theme: 'dark' } };
