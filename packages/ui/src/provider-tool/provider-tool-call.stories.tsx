import type { ProviderName, ToolCallPart } from '@rill/core';
import { builtinScenarios, expectedMessage } from '@rill/mock';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { ProviderToolCall } from './index.js';

function executed(provider: ProviderName, scenario: 'web-search' | 'code-execution' | 'image'): ToolCallPart {
  const part = expectedMessage(provider, builtinScenarios[scenario]).parts.find(
    (p): p is ToolCallPart => p.type === 'tool-call',
  );
  if (part === undefined) throw new Error(`${provider} has no ${scenario} call`);
  return part;
}

const meta = {
  title: 'Components/ProviderToolCall',
  component: ProviderToolCall,
  tags: ['autodocs'],
  args: { part: executed('anthropic', 'web-search') },
} satisfies Meta<typeof ProviderToolCall>;
export default meta;
type Story = StoryObj<typeof meta>;

export const WebSearch: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'Web search, run by the provider' })).toHaveAttribute(
      'aria-busy',
      'false',
    );
    await expect(canvas.getAllByRole('link')).toHaveLength(3);
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

export const Searching: Story = {
  args: { part: { ...executed('anthropic', 'web-search'), state: 'input-available', output: undefined } },
};

export const CodeExecution: Story = {
  args: { part: executed('openai-responses', 'code-execution') },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'Code interpreter, run by the provider' })).toHaveTextContent(
      '338350',
    );
  },
};

export const CodeFailed: Story = {
  args: {
    part: {
      ...executed('gemini', 'code-execution'),
      state: 'output-error',
      output: [{ outcome: 'OUTCOME_FAILED', output: 'NameError: name "squares" is not defined' }],
      errorText: 'NameError: name "squares" is not defined',
    },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent('NameError');
  },
};

export const ImageGeneration: Story = { args: { part: executed('openai-responses', 'image') } };

export const Dark: Story = { args: { part: executed('gemini', 'code-execution') }, parameters: { theme: 'dark' } };
