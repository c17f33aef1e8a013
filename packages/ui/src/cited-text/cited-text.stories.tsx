import type { Message, SourcePart, TextPart } from '@rill/core';
import { builtinScenarios, expectedMessage } from '@rill/mock';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { SourceList } from '../sources/index.js';
import { CitedText } from './index.js';

const texts = (m: Message) => m.parts.filter((p): p is TextPart => p.type === 'text');
const sources = (m: Message) => m.parts.filter((p): p is SourcePart => p.type === 'source');
const anthropic = expectedMessage('anthropic', builtinScenarios['web-search']);
const gemini = expectedMessage('gemini', builtinScenarios['web-search']);

const meta = {
  title: 'Components/CitedText',
  component: CitedText,
  tags: ['autodocs'],
  args: { parts: texts(gemini), sources: sources(gemini) },
} satisfies Meta<typeof CitedText>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Gemini and OpenAI give positions: a marker after the cited words. */
export const CitationsByPosition: Story = {
  play: async ({ canvas }) => {
    const marker = canvas.getByRole('link', { name: 'Source 2: HTML Standard: Server-sent events' });
    await expect(marker).toHaveAttribute('href', 'https://html.spec.whatwg.org/multipage/server-sent-events.html');
  },
};

/** Anthropic sends each cited passage as its own text part: shown as one paragraph, a marker after each. */
export const CitationsByPart: Story = { args: { parts: texts(anthropic), sources: sources(anthropic) } };

/** A document has no web page: its marker leads to its entry in the list below. */
export const WithSourceList: Story = {
  args: {
    parts: [
      {
        type: 'text',
        text: 'The paper proposes a peer-to-peer timestamp server.',
        citations: [{ sourceId: 'document-0' }],
      },
    ],
    sources: [{ type: 'source', id: 'document-0', sourceType: 'document', title: 'Bitcoin Whitepaper' }],
    sourceListId: 'story-sources',
  },
  render: (args) => (
    <>
      <CitedText {...args} />
      <SourceList sources={args.sources ?? []} idPrefix="story-sources" />
    </>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('link', { name: 'Source 1: Bitcoin Whitepaper' })).toHaveAttribute(
      'href',
      '#story-sources-1',
    );
  },
};

export const Dark: Story = { parameters: { theme: 'dark' } };
