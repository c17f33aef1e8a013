import { cleanup, act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(cleanup);
import { markdownAnswer } from '../../test/fixtures.js';
import { Markdown, type CodeBlockProps } from './index.js';

describe('Markdown', () => {
  it('renders headings, emphasis, lists, tables, quotes and code', () => {
    render(<Markdown text={markdownAnswer} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Streaming Markdown' })).toBeTruthy();
    expect(screen.getByText('bold').tagName).toBe('STRONG');
    expect(screen.getByText('inline code').tagName).toBe('CODE');
    expect(screen.getAllByRole('list')).toHaveLength(2);
    expect(screen.getByRole('img', { name: 'done' })).toBeTruthy();
    expect(screen.getByRole('table')).toBeTruthy();
    expect(screen.getByRole('cell', { name: '[DONE]' })).toBeTruthy();
    expect(screen.getByText(/const stream = useStream/).closest('pre')).toBeTruthy();
  });

  it('links open in a new tab with rel="noopener noreferrer"', () => {
    render(<Markdown text="See [the docs](https://example.com/docs)." />);
    const link = screen.getByRole('link', { name: 'the docs' });
    expect(link.getAttribute('href')).toBe('https://example.com/docs');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('a linked image (a badge) is one link to the target, not a link inside a link', () => {
    const { container } = render(<Markdown text="[![build](https://ci.example/badge.svg)](https://ci.example/runs)" />);
    expect([...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://ci.example/runs',
    ]);
    expect(screen.getByRole('link', { name: 'Image: build' })).toBeTruthy();
  });

  it('mid-stream, an unclosed fence is already a code block and emphasis is already bold', () => {
    const { rerender, container } = render(<Markdown text={'Intro **bold te'} streaming />);
    expect(screen.getByText('bold te').tagName).toBe('STRONG');
    expect(container.textContent).not.toContain('**');
    rerender(<Markdown text={'Intro **bold text**\n\n```py\nprint("hi")\n``'} streaming />);
    const code = screen.getByText('print("hi")');
    expect(code.closest('pre')).toBeTruthy();
    expect(code.textContent).toBe('print("hi")');
  });

  it('a pending link shows its text unlinked until the URL is complete', () => {
    const { rerender } = render(<Markdown text="Read [the guide](https://exa" streaming />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('the guide')).toBeTruthy();
    rerender(<Markdown text="Read [the guide](https://example.com)" streaming />);
    expect(screen.getByRole('link', { name: 'the guide' }).getAttribute('href')).toBe('https://example.com');
  });

  it('shows the source as written once the stream is over (no repair)', () => {
    render(<Markdown text="Price: 2 * 3 **" />);
    expect(screen.getByText('Price: 2 * 3 **')).toBeTruthy();
  });

  it('re-renders only the block being written: completed blocks are memoized', () => {
    const renders = new Map<string, number>();
    function CountingCode({ code }: CodeBlockProps) {
      renders.set(code, (renders.get(code) ?? 0) + 1);
      return <pre>{code}</pre>;
    }
    const components = { code: CountingCode };
    let text = '```\nfirst\n```\n\n```\nsecond\n```\n\nThe answer';
    const { rerender } = render(<Markdown text={text} streaming components={components} />);
    for (const word of [' grows', ' word', ' by', ' word.']) {
      text += word;
      rerender(<Markdown text={text} streaming components={components} />);
    }
    expect(screen.getByText('The answer grows word by word.')).toBeTruthy();
    expect(renders.get('first')).toBe(1);
    expect(renders.get('second')).toBe(1);
  });

  it('copies a code block with its "Copy code" button, by keyboard too', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<Markdown text={'```sh\nnpm i @rill/ui\n```'} />);
    const block = screen.getByText('sh').closest('.rill-code') as HTMLElement;
    const button = within(block).getByRole('button', { name: 'Copy code' });
    button.focus();
    await user.keyboard('{Enter}');
    expect(writeText).toHaveBeenCalledWith('npm i @rill/ui');
    expect(await within(block).findByRole('button', { name: 'Copied' })).toBeTruthy();
  });

  it('starts afresh when the text is replaced rather than extended', () => {
    const { rerender } = render(<Markdown text={'# One\n\nfirst'} />);
    act(() => rerender(<Markdown text={'# Two\n\nsecond'} />));
    expect(screen.queryByRole('heading', { name: 'One' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Two' })).toBeTruthy();
  });
});
