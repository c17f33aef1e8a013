import type { FilePart } from '@rill/core';
import { builtinScenarios, expectedMessage } from '@rill/mock';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { GeneratedFile } from './index.js';

const image = expectedMessage('gemini', builtinScenarios.image).parts.find(
  (p): p is FilePart => p.type === 'file',
) as FilePart;

const meta = {
  title: 'Components/GeneratedFile',
  component: GeneratedFile,
  tags: ['autodocs'],
  args: { part: image, alt: 'Green hills under a morning sun' },
} satisfies Meta<typeof GeneratedFile>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Image: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('img', { name: 'Green hills under a morning sun' })).toBeVisible();
  },
};

/** An OpenAI partial image: shown blurred and busy until the finished one replaces it. */
export const PartialImage: Story = { args: { part: { ...image, partial: true } } };

/** An SVG is never shown: it is a document that could run script. */
export const SvgNotShown: Story = {
  args: {
    part: {
      type: 'file',
      id: 'svg',
      mediaType: 'image/svg+xml',
      data: btoa('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    },
  },
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole('img')).toBeNull();
  },
};

export const Dark: Story = { parameters: { theme: 'dark' } };
