import type { Message } from '@rill/core';
import { builtinScenarios, expectedMessage } from '@rill/mock';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MessageView } from './index.js';

afterEach(cleanup);

const chat = { messages: [], approve: vi.fn(), deny: vi.fn(), regenerate: vi.fn() };

describe('MessageView: what real provider streams carry besides text', () => {
  it.each(['anthropic', 'openai-responses'] as const)(
    '%s web search answer: the search as a provider card, the answer with its markers, then its sources',
    (provider) => {
      render(<MessageView message={expectedMessage(provider, builtinScenarios['web-search'])} chat={chat} />);
      const article = screen.getByRole('article', { name: 'Assistant message' });
      const card = within(article).getByRole('group', { name: 'Web search, run by the provider' });
      expect(within(card).queryByRole('button')).toBeNull();
      expect(article.querySelectorAll('.rill-md p')).toHaveLength(1);
      const markers = within(article).getAllByRole('link', {
        name: 'Source 1: Using server-sent events - Web APIs | MDN',
      });
      expect(markers.map((a) => a.closest('sup') !== null)).toEqual([true, true]);
      const sources = within(article).getByRole('list', { name: 'Sources' });
      expect(
        within(sources)
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      ).toEqual([
        'Using server-sent events - Web APIs | MDNdeveloper.mozilla.org',
        'HTML Standard: Server-sent eventshtml.spec.whatwg.org',
      ]);
      // The list comes after the answer.
      expect(article.lastElementChild).toBe(sources.parentElement);
    },
  );

  it('gemini grounding: no search card (Gemini names only the query), the markers and the sources', () => {
    render(<MessageView message={expectedMessage('gemini', builtinScenarios['web-search'])} />);
    expect(screen.queryByRole('group')).toBeNull();
    expect(screen.getAllByRole('link', { name: /^Source \d: / })).toHaveLength(3);
    expect(within(screen.getByRole('list', { name: 'Sources' })).getAllByRole('listitem')).toHaveLength(2);
  });

  it('code the provider ran: a card with the code and its output, between the texts, never awaiting approval', () => {
    render(<MessageView message={expectedMessage('gemini', builtinScenarios['code-execution'])} chat={chat} />);
    const card = screen.getByRole('group', { name: 'Code execution, run by the provider' });
    expect(card.textContent).toContain('print(squares)');
    expect(card.textContent).toContain('338350');
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    const article = screen.getByRole('article');
    expect(article.textContent?.indexOf('I will compute it')).toBeLessThan(
      article.textContent?.indexOf('print(squares)') ?? 0,
    );
    expect(article.textContent?.indexOf('print(squares)')).toBeLessThan(
      article.textContent?.indexOf('The sum of the squares') ?? 0,
    );
  });

  it('a generated image is shown, named by the prompt the image tool was given', () => {
    render(<MessageView message={expectedMessage('openai-responses', builtinScenarios.image)} />);
    expect(
      screen
        .getByRole('img', { name: 'Generated image: Green hills under a morning sun, flat colours.' })
        .getAttribute('src'),
    ).toMatch(/^data:image\/png;base64,iVBOR/);
    expect(screen.getByRole('group', { name: 'Image generation, run by the provider' })).toBeTruthy();
  });

  it('a hostile source address and a hostile image render nothing live; the marker leads to the list entry instead', () => {
    const message: Message = {
      role: 'assistant',
      status: 'done',
      parts: [
        { type: 'text', text: 'See this page.', citations: [{ sourceId: 'evil', start: 4, end: 13 }] },
        { type: 'source', id: 'evil', sourceType: 'url', url: 'javascript:alert(document.cookie)', title: 'Evil page' },
        {
          type: 'file',
          id: 'f1',
          mediaType: 'image/svg+xml',
          data: btoa('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        },
        { type: 'file', id: 'f2', mediaType: 'image/png', url: 'javascript:alert(1)' },
      ],
    };
    const { container } = render(<MessageView message={message} />);
    expect(container.querySelector('img, svg, iframe, object, embed')).toBeNull();
    const links = screen.getAllByRole('link');
    expect(links).toHaveLength(1);
    const target = links[0]?.getAttribute('href') ?? '';
    expect(links[0]?.getAttribute('aria-label')).toBe('Source 1: Evil page');
    expect(target.startsWith('#')).toBe(true);
    expect(container.querySelector(target)?.textContent).toContain('javascript:alert(document.cookie)');
  });

  it('while the answer streams, the sources that arrived are listed and the text keeps streaming', () => {
    const done = expectedMessage('gemini', builtinScenarios['web-search']);
    render(<MessageView message={{ ...done, status: 'streaming' }} />);
    expect(screen.getByRole('article').querySelector('.rill-md')?.getAttribute('data-state')).toBe('streaming');
    expect(within(screen.getByRole('list', { name: 'Sources' })).getAllByRole('listitem')).toHaveLength(2);
  });
});
