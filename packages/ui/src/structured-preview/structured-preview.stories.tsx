import type { Meta, StoryObj } from '@storybook/react-vite';
import { StructuredPreview, type PreviewSchema } from './index.js';

const recipe: PreviewSchema = {
  type: 'object',
  properties: {
    title: { type: 'string', title: 'Title' },
    minutes: { type: 'integer', title: 'Minutes' },
    ingredients: { type: 'array', title: 'Ingredients', items: { type: 'object', properties: { name: { type: 'string', title: 'Name' }, amount: { type: 'string', title: 'Amount' } } } },
    vegetarian: { type: 'boolean', title: 'Vegetarian' },
  },
};

const meta = {
  title: 'Components/StructuredPreview',
  component: StructuredPreview,
  tags: ['autodocs'],
  args: { schema: recipe, streaming: true, value: undefined },
} satisfies Meta<typeof StructuredPreview>;
export default meta;
type Story = StoryObj<typeof meta>;

export const NothingYet: Story = {};
export const Partial: Story = { args: { value: { title: 'Pancakes', ingredients: [{ name: 'Flour', amount: '200 g' }, { name: 'Milk' }] } } };
export const Complete: Story = {
  args: { streaming: false, value: { title: 'Pancakes', minutes: 20, ingredients: [{ name: 'Flour', amount: '200 g' }, { name: 'Milk', amount: '300 ml' }], vegetarian: true } },
};
export const Dark: Story = { args: { value: { title: 'Pancakes', ingredients: [{ name: 'Flour' }] } }, parameters: { theme: 'dark' } };
