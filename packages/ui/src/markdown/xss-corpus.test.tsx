import { cleanup, render } from '@testing-library/react';
import fc from 'fast-check';
import { version } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  controlLink,
  corpusDocument,
  disallowedUrls,
  hostileDestinations,
  linkForms,
  refusedSchemes,
  sneakyCharacters,
} from '../../test/xss-corpus.js';
import { Markdown, safeUrl } from './index.js';

afterEach(cleanup);

// The `ui-react-18` project sets RILL_REACT_MAJOR; without this a broken alias would rerun React 19 silently.
it('renders with the React major its Vitest project is for (ui: 19, ui-react-18: 18)', () => {
  expect(version.split('.')[0]).toBe(String(import.meta.env['RILL_REACT_MAJOR'] ?? '19'));
});

function expectOnlyAllowedLinks(container: HTMLElement): void {
  expect(disallowedUrls(container)).toEqual([]);
  expect(container.querySelector('img, iframe, object, embed, script, form, svg')).toBeNull();
  for (const link of container.querySelectorAll('a')) {
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
  }
}

describe('Markdown XSS corpus: no rendered href or src outside http(s), mailto and relative URLs', () => {
  const destinations = hostileDestinations();

  for (const [name, form] of Object.entries(linkForms)) {
    it(`${name}: ${destinations.length} hostile destinations render as text, the links after them still work`, () => {
      const { container } = render(<Markdown text={corpusDocument(form, destinations)} />);
      expectOnlyAllowedLinks(container);
      expect(container.querySelectorAll('a[href^="https://ok.example/"]')).toHaveLength(destinations.length);
    });
  }

  it('keeps allowed links, normalised as a browser would parse them', () => {
    const cases: [string, string][] = [
      ['[a](https://example.com/a?b=c#d)', 'https://example.com/a?b=c#d'],
      ['[a](<\u0001 https://example.com/x>)', 'https://example.com/x'],
      ['[a](<ht\ttps://example.com/y>)', 'https://example.com/y'],
      ['[a](HTTP://EXAMPLE.COM)', 'HTTP://EXAMPLE.COM'],
      ['[a](mailto:someone@example.com)', 'mailto:someone@example.com'],
      ['[a](/docs/start)', '/docs/start'],
      ['[a](#usage)', '#usage'],
      ['[a](?page=2)', '?page=2'],
      ['<https://example.com/auto>', 'https://example.com/auto'],
      ['www.example.com/bare', 'http://www.example.com/bare'],
      ['[a][r]\n\n[r]: <https://example.com/ref>', 'https://example.com/ref'],
      ['![chart](https://example.com/chart.png)', 'https://example.com/chart.png'],
    ];
    for (const [markdown, href] of cases) {
      const { container } = render(<Markdown text={markdown} />);
      expect(container.querySelector('a')?.getAttribute('href'), markdown).toBe(href);
      cleanup();
    }
  });

  it('the href rendered is the very string checked: a destination with leading U+00A0, U+2028 or U+FEFF is text', () => {
    const { container } = render(
      <Markdown
        text={'[a](<\u00a0javascript:alert(1)>) [b](<\ufeffvbscript:x>) [c][r]\n\n[r]: <\u2028javascript:alert(2)>'}
      />,
    );
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toBe('a b c');
  });

  // Every character, encoding or case trick in and around a refused scheme, in every Markdown form.
  const sneaky = fc.constantFrom(
    ...sneakyCharacters,
    '&Tab;',
    '&NewLine;',
    '&nbsp;',
    '&#9;',
    '&#x0;',
    '%09',
    '%20',
    '%00',
    '&#8203;',
  );
  const colon = fc.constantFrom(':', '&#58;', '&#x3A;', '&colon;', '%3A', '%253A', '：', '&amp;#58;');
  const scheme = fc
    .tuple(
      fc.constantFrom(...refusedSchemes),
      fc.array(fc.tuple(fc.nat(), sneaky), { maxLength: 3 }),
      fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    )
    .map(([name, inserts, upper]) => {
      let text = [...name].map((c, i) => (upper[i % upper.length] ? c.toUpperCase() : c)).join('');
      for (const [at, c] of inserts)
        text = text.slice(0, at % (text.length + 1)) + c + text.slice(at % (text.length + 1));
      return text;
    });
  const destination = fc
    .tuple(
      fc.array(sneaky, { maxLength: 3 }),
      scheme,
      colon,
      fc.constantFrom('alert(1)', '//x.example/%0aalert(1)', 'text/html,<b>x</b>'),
    )
    .map(([before, s, c, rest]) => before.join('') + s + c + rest);

  it('property: any refused scheme, however disguised, in any form, renders no disallowed URL', () => {
    const forms = Object.values(linkForms);
    fc.assert(
      fc.property(destination, fc.constantFrom(...forms), fc.boolean(), (url, form, streaming) => {
        const { container } = render(<Markdown text={`${form(url, 0)}\n\n${controlLink(0)}`} streaming={streaming} />);
        expectOnlyAllowedLinks(container);
        expect(container.querySelectorAll('a[href="https://ok.example/0"]')).toHaveLength(1);
        cleanup();
      }),
      { numRuns: 400 },
    );
  });

  it('property: safeUrl returns nothing or an allowed URL that it would return unchanged', () => {
    const anyText = fc.oneof(fc.string({ unit: 'binary' }), destination, fc.webUrl());
    fc.assert(
      fc.property(anyText, (url) => {
        const safe = safeUrl(url);
        if (safe === undefined) return;
        const holder = document.createElement('div');
        holder.appendChild(document.createElement('a')).setAttribute('href', safe);
        expect(disallowedUrls(holder), JSON.stringify(url)).toEqual([]);
        expect(safeUrl(safe)).toBe(safe);
      }),
      { numRuns: 3000 },
    );
  });
});
