import type { SourcePart, TextPart } from '@rill/core';
import { builtinScenarios, expectedMessage } from '@rill/mock';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CitedText } from './index.js';

afterEach(cleanup);

const mdn: SourcePart = {
  type: 'source',
  id: 'https://developer.mozilla.org/sse',
  sourceType: 'url',
  url: 'https://developer.mozilla.org/sse',
  title: 'Using server-sent events',
};
const spec: SourcePart = {
  type: 'source',
  id: 'https://html.spec.whatwg.org/sse',
  sourceType: 'url',
  url: 'https://html.spec.whatwg.org/sse',
  title: 'HTML Standard',
};
const texts = (parts: { type: string }[]) => parts.filter((p): p is TextPart => p.type === 'text');
const sourcesOf = (parts: { type: string }[]) => parts.filter((p): p is SourcePart => p.type === 'source');

/** The text of `element` with each citation marker written as [n]. */
function withMarkers(element: HTMLElement): string {
  const copy = element.cloneNode(true) as HTMLElement;
  for (const sup of copy.querySelectorAll('sup')) sup.textContent = `[${sup.textContent ?? ''}]`;
  return copy.textContent ?? '';
}

describe('CitedText', () => {
  it('joins the parts a provider cites one by one (Anthropic) into one paragraph, a marker after each cited part', () => {
    const parts = expectedMessage('anthropic', builtinScenarios['web-search']).parts;
    const { container } = render(<CitedText parts={texts(parts)} sources={sourcesOf(parts)} />);
    expect(container.querySelectorAll('p')).toHaveLength(1);
    expect(withMarkers(container)).toBe(
      'A browser’s EventSource reconnects by itself when the connection drops, after the retry delay the server last sent[1]. On reconnecting it sends the id of the last event it received in a Last-Event-ID header[1][2], so the server can continue from there. A reader built on fetch, like Rill’s, does both itself.',
    );
  });

  it.each(['openai-responses', 'gemini', 'openai-chat'] as const)(
    '%s: a marker right after the cited words, a link named by the source',
    (provider) => {
      const parts = expectedMessage(provider, builtinScenarios['web-search']).parts;
      const { container } = render(<CitedText parts={texts(parts)} sources={sourcesOf(parts)} />);
      expect(withMarkers(container)).toContain(
        'the server last sent[1]. On reconnecting it sends the id of the last event it received in a Last-Event-ID header[1][2], so',
      );
      const marker = screen.getByRole('link', { name: 'Source 2: HTML Standard: Server-sent events' });
      expect(marker.parentElement?.tagName).toBe('SUP');
      expect(marker.getAttribute('href')).toBe('https://html.spec.whatwg.org/multipage/server-sent-events.html');
      expect(marker.getAttribute('rel')).toBe('noopener noreferrer');
    },
  );

  it('a source with a hostile address: its marker leads to the sources list, never to that address', () => {
    const evil: SourcePart = { ...mdn, id: 'evil', url: 'javascript:alert(1)', title: 'Evil' };
    const part: TextPart = {
      type: 'text',
      text: 'Paris is the capital.',
      citations: [{ sourceId: 'evil', start: 0, end: 5 }],
    };
    const { rerender } = render(<CitedText parts={[part]} sources={[evil]} sourceListId="answer-1-source" />);
    expect(screen.getByRole('link', { name: 'Source 1: Evil' }).getAttribute('href')).toBe('#answer-1-source-1');
    rerender(<CitedText parts={[part]} sources={[evil]} />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('1').tagName).toBe('SUP');
  });

  it('keeps markers out of code, keeps emphasis whole, and shows marker-like text the model wrote as written', () => {
    const text = 'Run `npm test` now. **It passed.** Fake: <rill-cite-abc-1>';
    const part: TextPart = {
      type: 'text',
      text,
      citations: [
        { sourceId: mdn.id, start: 4, end: 12 },
        { sourceId: spec.id, start: 20, end: 34 },
      ],
    };
    const { container } = render(<CitedText parts={[part]} sources={[mdn, spec]} />);
    expect(container.querySelector('code')?.textContent).toBe('npm test');
    expect(container.querySelector('strong')?.textContent).toBe('It passed.');
    expect(withMarkers(container)).toBe('Run npm test now. It passed.[2] Fake: <rill-cite-abc-1>');
    expect(screen.getAllByRole('link')).toHaveLength(1);
  });

  it('adds the markers of the part being written once it is done, and none for a source the message lacks', () => {
    const parts: TextPart[] = [
      { type: 'text', text: 'First.', citations: [{ sourceId: mdn.id }] },
      { type: 'text', text: ' Second.', citations: [{ sourceId: spec.id }, { sourceId: 'missing' }] },
    ];
    const { container, rerender } = render(<CitedText parts={parts} sources={[mdn, spec]} streaming />);
    expect(withMarkers(container)).toBe('First.[1] Second.');
    rerender(<CitedText parts={parts} sources={[mdn, spec]} />);
    expect(withMarkers(container)).toBe('First.[1] Second.[2]');
  });
});
