import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StructuredPreview, type PreviewSchema } from './index.js';

afterEach(cleanup);

const schema: PreviewSchema = {
  type: 'object',
  properties: {
    title: { type: 'string', title: 'Title' },
    minutes: { type: 'integer', title: 'Minutes' },
    steps: { type: 'array', title: 'Steps', items: { type: 'string' } },
  },
};

const field = (name: string) => screen.getByText(name).closest('.rill-structured__field') as HTMLElement;

describe('StructuredPreview', () => {
  it('shows arrived fields and a skeleton for each field not yet arrived', () => {
    render(<StructuredPreview value={{ title: 'Pancakes', steps: ['Mix'] }} schema={schema} streaming />);
    expect(within(field('Title')).getByText('Pancakes')).toBeTruthy();
    expect(within(field('Minutes')).getByText('Not received yet')).toBeTruthy();
    expect(within(field('Steps')).getByText('Mix')).toBeTruthy();
    expect(screen.getByText('Pancakes').closest('[aria-busy]')?.getAttribute('aria-busy')).toBe('true');
  });

  it('shows a dash for fields that never came once the stream is over', () => {
    render(<StructuredPreview value={{ title: 'Pancakes', minutes: 20, steps: [] }} schema={schema} />);
    expect(within(field('Minutes')).getByText('20')).toBeTruthy();
    expect(screen.queryByText('Not received yet')).toBeNull();
  });

  it('renders a skeleton for the whole value before anything arrived', () => {
    render(<StructuredPreview value={undefined} schema={schema} streaming />);
    expect(screen.getByText('Not received yet')).toBeTruthy();
  });
});
