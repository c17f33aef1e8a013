import { builtinScenarios, expectedMessage } from '@rill/mock';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
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
  args: {
    message: { role: 'assistant', status: 'streaming', parts: [{ type: 'text', text: markdownAnswer.slice(0, 260) }] },
  },
};

export const ToolApproval: Story = {
  args: {
    message: {
      role: 'assistant',
      status: 'done',
      finishReason: 'tool-calls',
      parts: [
        { type: 'text', text: 'I will email the forecast to you.' },
        toolCall('approval-requested', { toolName: 'send_email' }),
      ],
    },
  },
};

export const Interrupted: Story = {
  args: { message: assistantMessage('interrupted', 'It will be **18 °C** and clou') },
};

export const Error: Story = { args: { message: assistantMessage('error', '') } };

export const Stopped: Story = { args: { message: assistantMessage('aborted', 'It will be') } };

/** A web search the provider ran (Anthropic), the answer with its citation markers, and its sources. */
export const WebSearch: Story = {
  args: { message: expectedMessage('anthropic', builtinScenarios['web-search']) },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'Web search, run by the provider' })).toBeVisible();
    await expect(canvas.getAllByRole('link', { name: /^Source 1: / })).toHaveLength(2);
    await expect(canvas.getByRole('list', { name: 'Sources' })).toBeVisible();
  },
};

/** Code the provider ran (Gemini) between two texts. */
export const CodeExecution: Story = {
  args: { message: expectedMessage('gemini', builtinScenarios['code-execution']) },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'Code execution, run by the provider' })).toHaveTextContent(
      '338350',
    );
  },
};

/** An image the provider's image tool made (OpenAI Responses). */
export const GeneratedImage: Story = { args: { message: expectedMessage('openai-responses', builtinScenarios.image) } };

export const Dark: Story = { parameters: { theme: 'dark' } };

export const WebSearchDark: Story = {
  args: { message: expectedMessage('openai-responses', builtinScenarios['web-search']) },
  parameters: { theme: 'dark' },
};
