import type { StreamPart } from '@rill/core';
import { useStructuredStream } from '@rill/react';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StructuredPreview, type PreviewSchema } from './index.js';

afterEach(cleanup);

const schema: PreviewSchema = {
  type: 'object',
  properties: {
    title: { type: 'string', title: 'Title' },
    minutes: { type: 'integer', title: 'Minutes' },
    steps: { type: 'array', title: 'Steps', items: { type: 'string' } },
    source: {
      type: 'object',
      title: 'Source',
      properties: { book: { type: 'string', title: 'Book' }, page: { type: 'integer', title: 'Page' } },
    },
  },
};

const field = (name: string) => screen.getByText(name).closest('.rill-structured__field') as HTMLElement;
const skeletonsIn = (name: string) => within(field(name)).queryAllByText('Not received yet').length;

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

  it('drops an array’s trailing skeleton the moment its path completes, while other fields still wait', () => {
    const value = { title: 'Pancakes', steps: ['Mix', 'Bake'] };
    const view = render(
      <StructuredPreview
        value={value}
        schema={schema}
        streaming
        completedPaths={[['title'], ['steps', 0], ['steps', 1]]}
      />,
    );
    expect(skeletonsIn('Steps')).toBe(1);
    view.rerender(
      <StructuredPreview
        value={value}
        schema={schema}
        streaming
        completedPaths={[['title'], ['steps', 0], ['steps', 1], ['steps']]}
      />,
    );
    expect(skeletonsIn('Steps')).toBe(0);
    expect(field('Steps').getAttribute('data-state')).toBe('complete');
    expect(skeletonsIn('Minutes')).toBe(1);
    expect(screen.getByText('Pancakes').closest('[aria-busy]')?.getAttribute('aria-busy')).toBe('true');
  });

  it('shows a dash for a field missing from a completed object while the stream goes on', () => {
    const value = { title: 'Pancakes', source: { book: 'Breakfasts' } };
    render(
      <StructuredPreview
        value={value}
        schema={schema}
        streaming
        completedPaths={[['title'], ['source', 'book'], ['source']]}
      />,
    );
    expect(within(field('Page')).getByText('—')).toBeTruthy();
    expect(skeletonsIn('Source')).toBe(0);
    expect(skeletonsIn('Minutes')).toBe(1);
  });

  it('shows no skeleton and is not busy once isComplete, even while the status still streams', () => {
    render(<StructuredPreview value={{ title: 'Pancakes', steps: ['Mix'] }} schema={schema} streaming isComplete />);
    expect(screen.queryByText('Not received yet')).toBeNull();
    expect(within(field('Minutes')).getByText('—')).toBeTruthy();
    expect(screen.getByText('Pancakes').closest('[aria-busy]')?.getAttribute('aria-busy')).toBe('false');
  });
});

/** A part source the test feeds by hand. */
function manualSource() {
  const queue: StreamPart[] = [];
  let wake: (() => void) | undefined;
  const source = async function* ({ signal }: { signal: AbortSignal }): AsyncGenerator<StreamPart> {
    for (;;) {
      while (queue.length > 0) yield queue.shift() as StreamPart;
      if (signal.aborted) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  const emit = (...parts: StreamPart[]) => {
    queue.push(...parts);
    wake?.();
  };
  return { source, emit };
}

function LiveRecipe({ source }: { source: ReturnType<typeof manualSource>['source'] }) {
  const { object, status, completedPaths, isComplete } = useStructuredStream({ source, autoStart: true, throttle: 1 });
  return (
    <StructuredPreview
      value={object}
      schema={schema}
      streaming={status === 'streaming'}
      completedPaths={completedPaths}
      isComplete={isComplete}
    />
  );
}

describe('StructuredPreview with useStructuredStream', () => {
  it('clears a field’s skeleton as soon as the parser completes its path, and all of them at the end', async () => {
    const src = manualSource();
    render(<LiveRecipe source={src.source} />);
    const text = (delta: string): StreamPart => ({ type: 'text-delta', id: 't', delta });
    act(() => src.emit(text('{"title": "Pancakes", "steps": ["Mix", "Ba')));
    await waitFor(() => expect(within(field('Steps')).queryByText('Ba')).toBeTruthy());
    expect(skeletonsIn('Steps')).toBe(1);
    act(() => src.emit(text('ke"]')));
    await waitFor(() => expect(skeletonsIn('Steps')).toBe(0));
    expect(skeletonsIn('Minutes')).toBe(1);
    act(() => src.emit(text(', "minutes": 20}')));
    await waitFor(() => expect(screen.queryByText('Not received yet')).toBeNull());
    expect(within(field('Source')).getByText('—')).toBeTruthy();
  });
});
