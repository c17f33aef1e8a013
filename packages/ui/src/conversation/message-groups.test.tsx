import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Conversation } from './index.js';

afterEach(cleanup);

// How often each message rendered, by its text: what a long conversation costs per update.
let renders = new Map<string, number>();

// Not memoised, as app code often is not: the Conversation spares settled messages by itself.
function Message({ text }: { text: string }) {
  renders.set(text, (renders.get(text) ?? 0) + 1);
  return (
    <article aria-label={text}>
      <p>{text}</p>
      <input aria-label={`note on ${text}`} />
    </article>
  );
}

function Chat({ texts, streaming }: { texts: string[]; streaming?: string }) {
  return (
    <Conversation>
      {texts.map((text, i) => (
        <div key={i} className="turn">
          <p>Question {i}</p>
          <Message text={text} />
        </div>
      ))}
      {streaming !== undefined && <Message key="live" text={streaming} />}
    </Conversation>
  );
}

const many = (count: number) => Array.from({ length: count }, (_, i) => `answer ${i}`);

describe('Conversation with many messages', () => {
  it('shows every message, in order, in the log', () => {
    render(<Chat texts={many(40)} streaming="live answer" />);
    const log = screen.getByRole('log', { name: 'Conversation' });
    const labels = [...log.querySelectorAll('article')].map((article) => article.getAttribute('aria-label'));
    expect(labels).toEqual([...many(40), 'live answer']);
  });

  it('does not re-render settled messages (all but the newest 16) while the last one streams', () => {
    renders = new Map();
    const { rerender } = render(<Chat texts={many(40)} streaming="live" />);
    for (const text of ['live answer', 'live answer grows', 'live answer grows more'])
      rerender(<Chat texts={many(40)} streaming={text} />);
    expect(Math.max(...many(32).map((text) => renders.get(text) ?? 0))).toBe(1);
    expect(renders.get('live answer grows more')).toBe(1);
  });

  it('re-renders a settled message whose content changed', () => {
    const texts = many(40);
    const { rerender } = render(<Chat texts={texts} streaming="live" />);
    rerender(<Chat texts={texts.map((text, i) => (i === 3 ? 'answer 3, edited' : text))} streaming="live" />);
    expect(screen.getByRole('article', { name: 'answer 3, edited' })).toBeTruthy();
    expect(screen.queryByRole('article', { name: 'answer 3' })).toBeNull();
  });

  it('keeps each message (its elements and what the user typed) as later ones arrive', () => {
    const { rerender } = render(<Chat texts={many(15)} />);
    const note = screen.getByRole('textbox', { name: 'note on answer 14' });
    fireEvent.change(note, { target: { value: 'typed' } });
    rerender(<Chat texts={many(70)} streaming="live" />);
    expect(screen.getByRole('textbox', { name: 'note on answer 14' })).toBe(note);
    expect((note as HTMLInputElement).value).toBe('typed');
  });

  it('lets the browser skip settled messages off screen, never the newest ones', () => {
    const { container } = render(<Chat texts={many(40)} streaming="live" />);
    const groups = [...container.querySelectorAll('.rill-conversation__group')];
    expect(groups.map((group) => group.hasAttribute('data-settled'))).toEqual([true, true, false]);
    expect(groups.at(-1)?.textContent).toContain('live');
  });
});
