import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

afterEach(cleanup);
import { hostileMarkdown } from '../../test/fixtures.js';
import { Markdown, safeUrl } from './index.js';

describe('Markdown with hostile model output', () => {
  for (const streaming of [false, true]) {
    it(`renders markup as inert text${streaming ? ' mid-stream' : ''}`, () => {
      const { container } = render(<Markdown text={hostileMarkdown} streaming={streaming} />);
      expect(container.querySelector('script, img, iframe, b, [onerror]')).toBeNull();
      expect(container.textContent).toContain('<script>alert("xss")</script>');
      expect(container.textContent).toContain('<img src="x" onerror="alert(1)">');
      expect(container.textContent).toContain('&lt;b&gt;not bold&lt;/b&gt;');
    });
  }

  it('never links to javascript:, data: or encoded schemes', () => {
    const { container } = render(<Markdown text={hostileMarkdown} />);
    const hrefs = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://tracker.example/p.gif?secret=1']);
    expect(screen.getByText('click me').tagName).toBe('SPAN');
    expect(screen.getByText('data').tagName).toBe('SPAN');
  });

  it('shows images as links to them, never loading them', () => {
    const { container } = render(<Markdown text={hostileMarkdown} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('link', { name: 'Image: pixel' }).getAttribute('rel')).toBe('noopener noreferrer');
  });
});

describe('safeUrl', () => {
  it.each([
    ['javascript:alert(1)', undefined],
    [' JaVaScRiPt:alert(1)', undefined],
    ['java\tscript:alert(1)', undefined],
    ['vbscript:msgbox', undefined],
    ['javascript&#58;alert(1)', undefined],
    ['javascript&#x3A;alert(1)', undefined],
    ['data:text/html,x', undefined],
    ['rill-pending:', undefined],
    ['https://example.com/a?b=c', 'https://example.com/a?b=c'],
    ['mailto:someone@example.com', 'mailto:someone@example.com'],
    ['/relative/path', '/relative/path'],
    ['#section', '#section'],
  ])('%j -> %j', (href, expected) => {
    expect(safeUrl(href)).toBe(expected);
  });
});
