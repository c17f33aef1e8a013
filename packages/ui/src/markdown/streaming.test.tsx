import { cleanup, render } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { markdownAnswer } from '../../test/fixtures.js';
import { Markdown, type CodeBlockProps } from './index.js';

afterEach(cleanup);

function PlainCode({ code, language }: CodeBlockProps) {
  return <pre data-language={language}>{code}</pre>;
}
const components = { code: PlainCode };

// Longer than a paragraph chunk: constructs spanning lines, a hard break, raw HTML.
const longParagraph = Array.from(
  { length: 9 },
  (_, i) =>
    `Line ${i} has **bold that\nspans lines** and \`code that\nspans\` and a [link that\nspans](https://example.com/${i}_a) and ~~struck\nacross~~ and *em*, snake_case, 2 * 3, <span\nclass="x">tag</span>, two spaces  \nthen www.example.com/_x_ and a@b.co end.`,
).join('\n');
// Longer than a code piece: lines that look like (but are not) a closing fence.
const longFence = `Code:\n\n\`\`\`js\n${Array.from({ length: 40 }, (_, i) => ['`template ${i}`', '~~~', '``', '    ```', '```js', `let value${i} = **${i}** * 2; // [x](y)`][i % 6]).join('\n')}\n\`\`\`\n\nAfter the *code*.`;

// Documents as models write them; each must render the same streamed in any chunks as at once.
const documents: Record<string, string> = {
  looseSteps:
    'Here are the steps:\n\n1. **Install** the package:\n\n   ```bash\n   npm i x\n   ```\n\n2. **Configure** it.\n\n3. Done.\n\nThat is all.',
  parenList: 'Options:\n\n1) the first\n\n2) the _second_\n\nPick one.',
  multiDigit: '8. eight\n\n9. nine\n\n10. ten\n\n11. eleven\n\nend',
  looseBullets: '- one\n\n- two with `code`\n\n  more on two\n\n- three\n\nDone.',
  fenceInList:
    '1. Run:\n\n   ```sh\n   ls *.txt\n   ```\n\n2. Then see [the page](https://example.com/_private) and *more*.',
  references:
    'See [the docs][1] and [the guide][guide].\n\nUse the **CLI** too.\n\n[1]: https://example.com/docs\n[guide]: https://example.com/guide "Guide"',
  definitionFirst: '[home]: https://example.com/\n\nGo [home] or [back][home].',
  bareUrls: 'Open https://example.com/some_path_here and **www.example.org/a_b** then _relax_.',
  crlf: '# Title\r\n\r\nSome **bold** text.\r\n\r\n1. one\r\n\r\n2. two\r\n\r\n| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n\r\nend',
  fixture: markdownAnswer,
  longParagraph,
  longFence,
};

/** Renders `text` as a stream cut at `cuts`, calling `each` on every intermediate container; returns the final HTML. */
function stream(
  text: string,
  cuts: readonly number[],
  each: (container: HTMLElement) => void = () => undefined,
): string {
  const ends = [...new Set([...cuts, text.length])].sort((a, b) => a - b);
  const { container, rerender } = render(<Markdown text="" streaming components={components} />);
  for (const end of ends) {
    rerender(<Markdown text={text.slice(0, end)} streaming components={components} />);
    each(container);
  }
  rerender(<Markdown text={text} components={components} />);
  const html = container.innerHTML;
  cleanup();
  return html;
}

function atOnce(text: string): HTMLElement {
  return render(<Markdown text={text} components={components} />).container;
}

function parse(html: string): HTMLElement {
  const element = document.createElement('div');
  element.innerHTML = html;
  return element;
}

const count = (text: string, char: string) => text.split(char).length - 1;

/** What no rendering mid-stream may show: delimiters or code the complete text does not, or a link the complete text does not have. */
function expectNoRepairJunk(container: HTMLElement, final: HTMLElement): void {
  const finalText = final.textContent ?? '';
  const text = container.textContent ?? '';
  for (const char of ['`', '*', '_', '~'])
    expect(count(text, char), `${char} in ${JSON.stringify(text)}`).toBeLessThanOrEqual(count(finalText, char));
  const finalCode = [...final.querySelectorAll('pre')].map((pre) => pre.textContent ?? '');
  for (const pre of container.querySelectorAll('pre'))
    expect(finalCode.some((code) => code.startsWith(pre.textContent ?? ''))).toBe(true);
  const finalHrefs = [...final.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
  for (const a of container.querySelectorAll('a'))
    expect(
      finalHrefs.some((href) => href.startsWith(a.getAttribute('href') ?? '')),
      a.outerHTML,
    ).toBe(true);
}

describe('Markdown streamed', () => {
  for (const [name, text] of Object.entries(documents)) {
    it(`${name}: one character at a time, renders as at once and never shows repair junk`, () => {
      const final = atOnce(text);
      const expected = final.innerHTML;
      const html = stream(
        text,
        Array.from(text, (_, i) => i + 1),
        (container) => expectNoRepairJunk(container, final),
      );
      expect(html).toBe(expected);
    });

    it(`${name}: in any chunks, renders as at once`, () => {
      const expected = atOnce(text).innerHTML;
      cleanup();
      fc.assert(
        fc.property(fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 30 }), (cuts) => {
          expect(stream(text, cuts)).toBe(expected);
        }),
        { numRuns: 25 },
      );
    });
  }

  it('keeps a loose ordered list one list when "2" and "." arrive as separate tokens', () => {
    const chunks = [
      'Steps',
      ':\n\n',
      '1',
      '.',
      ' Install',
      '\n\n',
      '2',
      '.',
      ' Configure',
      '\n\n',
      '3',
      '.',
      ' Run',
      '\n\n',
      'Done',
      '.',
    ];
    const cuts = chunks.map((_, i) => chunks.slice(0, i + 1).join('').length);
    const text = chunks.join('');
    const streamed = parse(stream(text, cuts));
    expect(streamed.querySelectorAll('ol')).toHaveLength(1);
    expect(streamed.querySelectorAll('li')).toHaveLength(3);
  });

  it('shows a code fence inside a list item as code, without a stray fence, mid-stream', () => {
    const { container } = render(
      <Markdown text={'1. Run:\n\n   ```sh\n   ls *.txt'} streaming components={components} />,
    );
    expect(container.querySelector('li pre')?.textContent).toBe('ls *.txt');
    expect(container.textContent).not.toContain('`');
  });

  it('does not take `_` or `*` in a link destination or URL for emphasis mid-stream', () => {
    const { container } = render(
      <Markdown text="See [the page](https://ex.com/_private) and https://ex.com/*/x_ and more" streaming />,
    );
    expect(container.textContent).toBe('See the page and https://ex.com/*/x_ and more');
  });

  it('resolves a reference link whose definition arrives after the paragraph using it is done', () => {
    const chunks = ['See [the docs][1]', '.\n\n', '[', '1]: h', 'ttps://example.com/docs', '\n\n', 'More', '.'];
    const cuts = chunks.map((_, i) => chunks.slice(0, i + 1).join('').length);
    expect(
      parse(stream(chunks.join(''), cuts))
        .querySelector('a')
        ?.getAttribute('href'),
    ).toBe('https://example.com/docs');
  });

  it.each([
    ['references', ['https://example.com/docs', 'https://example.com/guide']],
    ['definitionFirst', ['https://example.com/', 'https://example.com/']],
  ])('%s: reference links resolve to the definitions after or before them', (name, hrefs) => {
    const container = atOnce(documents[name] ?? '');
    expect([...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(hrefs);
  });

  it('never links a reference to a definition still being written', () => {
    const { container } = render(<Markdown text={'See [the docs][1].\n\n[1]: https://exa'} streaming />);
    expect(container.querySelector('a')).toBeNull();
  });

  it('renders a completed block once while a list after it is held open, and once the stream ends', () => {
    let renders = 0;
    function CountingCode({ code }: CodeBlockProps) {
      if (code === 'first') renders++;
      return <pre>{code}</pre>;
    }
    const counting = { code: CountingCode };
    const done = '```\nfirst\n```\n\nSteps:';
    const text = `${done}\n\n1. one\n\n2. two\n\n3. three`;
    const { rerender } = render(<Markdown text={done} streaming components={counting} />);
    for (let end = done.length + 1; end <= text.length; end++)
      rerender(<Markdown text={text.slice(0, end)} streaming components={counting} />);
    rerender(<Markdown text={text} components={counting} />);
    expect(renders).toBe(1);
  });

  it('keeps the elements of a code block being written when it closes and when the answer ends', () => {
    const code = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n');
    const { container, rerender } = render(<Markdown text={`\`\`\`ts\n${code}`} streaming components={components} />);
    const pre = container.querySelector('pre');
    expect(pre?.textContent).toBe(code);
    rerender(<Markdown text={`\`\`\`ts\n${code}\n\`\`\`\n\nAfter it.`} streaming components={components} />);
    expect(container.querySelector('pre')).toBe(pre);
    rerender(<Markdown text={`\`\`\`ts\n${code}\n\`\`\`\n\nAfter it.`} components={components} />);
    expect(container.querySelector('pre')).toBe(pre);
    expect(pre?.textContent).toBe(code);
  });
});
