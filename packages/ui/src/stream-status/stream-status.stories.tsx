import type { Meta, StoryObj } from '@storybook/react-vite';
import { StreamStatus } from './index.js';

const metrics = {
  ttftMs: 320,
  tokensPerSecond: 41.6,
  tokenParts: 120,
  reconnects: 0,
  bufferingSuspected: false,
  ended: false,
};

const meta = {
  title: 'Components/StreamStatus',
  component: StreamStatus,
  tags: ['autodocs'],
  args: { status: 'streaming', metrics },
} satisfies Meta<typeof StreamStatus>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Connecting: Story = {
  args: { status: 'connecting', metrics: { ...metrics, ttftMs: undefined, tokensPerSecond: undefined } },
};
export const Streaming: Story = {};
export const Reconnecting: Story = { args: { status: 'reconnecting' } };
export const Done: Story = { args: { status: 'done', metrics: { ...metrics, ended: true } } };
export const Interrupted: Story = { args: { status: 'interrupted' } };
export const Error: Story = { args: { status: 'error' } };
export const Stopped: Story = { args: { status: 'aborted' } };
