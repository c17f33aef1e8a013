import type { SourcePart } from '@rill/core';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SourceList } from './index.js';

afterEach(cleanup);

const web = (url: string, title?: string): SourcePart => ({
  type: 'source',
  id: url,
  sourceType: 'url',
  url,
  ...(title !== undefined && { title }),
});

describe('SourceList', () => {
  it('lists the sources in order, each a link to its page that opens in a new tab without opener or referrer', () => {
    render(
      <SourceList
        sources={[
          web('https://developer.mozilla.org/en-US/docs/Web/API/EventSource', 'EventSource - MDN'),
          web('https://html.spec.whatwg.org/multipage/server-sent-events.html'),
        ]}
      />,
    );
    const items = within(screen.getByRole('list', { name: 'Sources' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const first = within(items[0] as HTMLElement).getByRole('link', { name: 'EventSource - MDN' });
    expect(first.getAttribute('href')).toBe('https://developer.mozilla.org/en-US/docs/Web/API/EventSource');
    expect(first.getAttribute('target')).toBe('_blank');
    expect(first.getAttribute('rel')).toBe('noopener noreferrer');
    expect(items[0]?.textContent).toContain('developer.mozilla.org');
    // Without a title a page is named by its host.
    expect(within(items[1] as HTMLElement).getByRole('link', { name: 'html.spec.whatwg.org' })).toBeTruthy();
  });

  it('shows a hostile or non-web address as text, never as a link', () => {
    const hostile = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(document.cookie)',
      '&#106;avascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'vbscript:msgbox(1)',
      '/relative/page',
    ];
    render(<SourceList sources={hostile.map((url, i) => web(url, `Source ${i}`))} />);
    expect(screen.queryAllByRole('link')).toEqual([]);
    for (const url of hostile) expect(screen.getByText(url).tagName).toBe('SPAN');
    expect(screen.getByText('Source 0')).toBeTruthy();
  });

  it('names a document by its title or file name, marks it as a document and shows its snippet', () => {
    render(
      <SourceList
        sources={[
          { type: 'source', id: 'document-0', sourceType: 'document', title: 'Bitcoin Whitepaper' },
          {
            type: 'source',
            id: 'file-9Rh',
            sourceType: 'document',
            fileId: 'file-9Rh',
            filename: 'capitals.txt',
            snippet: 'Paris is the capital of France.',
          },
        ]}
      />,
    );
    const items = screen.getAllByRole('listitem');
    expect(items[0]?.textContent).toBe('Bitcoin WhitepaperDocument');
    expect(items[1]?.textContent).toContain('capitals.txt');
    expect(items[1]?.textContent).toContain('Paris is the capital of France.');
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('gives its entries the ids citation markers point at, and renders nothing without sources', () => {
    const { container, rerender } = render(
      <SourceList sources={[web('https://a.example/')]} idPrefix="answer-1-source" />,
    );
    expect(container.querySelector('#answer-1-source-1')?.tagName).toBe('LI');
    rerender(<SourceList sources={[]} />);
    expect(container.innerHTML).toBe('');
  });
});
