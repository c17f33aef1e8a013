import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { StructuredPreview, type PreviewSchema } from './index.js';

const recipe: PreviewSchema = {
  type: 'object',
  properties: {
    title: { type: 'string', title: 'Title' },
    minutes: { type: 'integer', title: 'Minutes' },
    ingredients: {
      type: 'array',
      title: 'Ingredients',
      items: {
        type: 'object',
        properties: { name: { type: 'string', title: 'Name' }, amount: { type: 'string', title: 'Amount' } },
      },
    },
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
export const Partial: Story = {
  args: { value: { title: 'Pancakes', ingredients: [{ name: 'Flour', amount: '200 g' }, { name: 'Milk' }] } },
};
export const Complete: Story = {
  args: {
    streaming: false,
    value: {
      title: 'Pancakes',
      minutes: 20,
      ingredients: [
        { name: 'Flour', amount: '200 g' },
        { name: 'Milk', amount: '300 ml' },
      ],
      vegetarian: true,
    },
  },
};
const ingredients = [
  { name: 'Flour', amount: '200 g' },
  { name: 'Milk', amount: '300 ml' },
];
const ingredientPaths = [
  ['ingredients', 0, 'name'],
  ['ingredients', 0, 'amount'],
  ['ingredients', 0],
  ['ingredients', 1, 'name'],
  ['ingredients', 1, 'amount'],
  ['ingredients', 1],
];
const fieldOf = (canvasElement: HTMLElement, title: string) =>
  within(within(canvasElement).getByText(title).closest('.rill-structured__field') as HTMLElement);

/** Still streaming, but the ingredients array closed: it shows no trailing skeleton, while Minutes still waits. */
export const ArrayCompleted: Story = {
  args: { value: { title: 'Pancakes', ingredients }, completedPaths: [['title'], ...ingredientPaths, ['ingredients']] },
  play: async ({ canvasElement }) => {
    await expect(fieldOf(canvasElement, 'Ingredients').queryByText('Not received yet')).toBeNull();
    await expect(fieldOf(canvasElement, 'Minutes').getByText('Not received yet')).toBeTruthy();
  },
};

/** The array is still open: one trailing skeleton says more items may come. */
export const ArrayOpen: Story = {
  args: { value: { title: 'Pancakes', ingredients }, completedPaths: [['title'], ...ingredientPaths] },
  play: async ({ canvasElement }) => {
    await expect(fieldOf(canvasElement, 'Ingredients').getAllByText('Not received yet')).toHaveLength(1);
  },
};

/** The parser says the whole object is complete before the stream ends: no skeletons, missing fields show "—". */
export const CompleteWhileStreaming: Story = {
  args: { value: { title: 'Pancakes', ingredients }, isComplete: true },
  play: async ({ canvas }) => {
    await expect(canvas.queryByText('Not received yet')).toBeNull();
  },
};

export const Dark: Story = {
  args: { value: { title: 'Pancakes', ingredients: [{ name: 'Flour' }] } },
  parameters: { theme: 'dark' },
};
