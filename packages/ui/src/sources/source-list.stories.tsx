import type { SourcePart } from '@rill/core';
import { builtinScenarios, expectedMessage } from '@rill/mock';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { SourceList } from './index.js';

const webSources = expectedMessage('openai-responses', builtinScenarios['web-search']).parts.filter(
  (p): p is SourcePart => p.type === 'source',
);

const meta = {
  title: 'Components/SourceList',
  component: SourceList,
  tags: ['autodocs'],
  args: { sources: webSources },
} satisfies Meta<typeof SourceList>;
export default meta;
type Story = StoryObj<typeof meta>;

export const WebPages: Story = {
  play: async ({ canvas }) => {
    const link = canvas.getByRole('link', { name: 'Using server-sent events - Web APIs | MDN' });
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(link).toHaveAttribute('target', '_blank');
  },
};

export const DocumentsAndSnippets: Story = {
  args: {
    sources: [
      { type: 'source', id: 'document-0', sourceType: 'document', title: 'Bitcoin Whitepaper' },
      {
        type: 'source',
        id: 'file-9Rh',
        sourceType: 'document',
        fileId: 'file-9Rh',
        filename: 'capitals.txt',
        snippet: 'Paris is the capital of France. The Eiffel Tower is a famous landmark in Paris.',
      },
    ],
  },
};

export const HostileAddress: Story = {
  args: {
    sources: [
      {
        type: 'source',
        id: 'x',
        sourceType: 'url',
        url: 'javascript:alert(document.cookie)',
        title: 'Totally safe page',
      },
      ...webSources.slice(0, 1),
    ],
  },
  play: async ({ canvas }) => {
    await expect(canvas.getAllByRole('link')).toHaveLength(1);
    await expect(canvas.getByText('javascript:alert(document.cookie)').tagName).toBe('SPAN');
  },
};

export const Dark: Story = { parameters: { theme: 'dark' } };
