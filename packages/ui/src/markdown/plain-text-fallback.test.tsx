import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Composer } from '../composer/index.js';
import { Markdown, type CodeBlockProps } from './index.js';

// React reports each error a boundary catches on the console (React 18 also as a window error); the tests check what the user sees.
const silence = (event: ErrorEvent) => event.preventDefault();
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  window.addEventListener('error', silence);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  window.removeEventListener('error', silence);
});

/** A code renderer (say, a syntax highlighter) that throws on a language it does not know. */
function Highlighter({ code, language }: CodeBlockProps) {
  if (language === 'cobol') throw new Error(`no grammar for ${language}`);
  return <pre>{code}</pre>;
}

/** A highlighter that throws on unbalanced brackets, as code being streamed has. */
function StrictHighlighter({ code }: CodeBlockProps) {
  if (code.split('(').length !== code.split(')').length) throw new Error('unbalanced');
  return <pre>{code}</pre>;
}

const BROKEN = 'Here it is:\n\n```cobol\nDISPLAY "HI".\n```';

function Chat() {
  const [answers, setAnswers] = useState(['The **first** answer.', BROKEN, 'The *third* answer.']);
  return (
    <>
      {answers.map((text, i) => (
        <Markdown key={i} text={text} components={{ code: Highlighter }} />
      ))}
      <Composer onSend={(text) => setAnswers((list) => [...list, text])} />
    </>
  );
}

const plainText = (text: string) =>
  screen.getByText(
    (_, element) => element?.classList.contains('rill-md__plain') === true && element.textContent === text,
  );

describe('Markdown whose rendering throws', () => {
  it('shows that one message as plain text with a note; the other messages and the composer keep working', async () => {
    const user = userEvent.setup();
    render(<Chat />);
    expect(screen.getByRole('note').textContent).toBe('This part could not be formatted; it is shown as plain text.');
    expect(plainText(BROKEN)).toBeTruthy();
    expect(screen.getByText('first').tagName).toBe('STRONG');
    expect(screen.getByText('third').tagName).toBe('EM');

    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Still *works*{Enter}');
    expect(screen.getByText('works').tagName).toBe('EM');
    expect(screen.getAllByRole('note')).toHaveLength(1);
  });

  it('stays plain text while the same text grows, and is formatted again once the stream ends', () => {
    const partial = 'Run:\n\n```py\nprint("hi"';
    const complete = `${partial})\n\`\`\``;
    const { rerender, container } = render(
      <Markdown text={partial} streaming components={{ code: StrictHighlighter }} />,
    );
    expect(plainText(partial)).toBeTruthy();
    rerender(<Markdown text={complete} streaming components={{ code: StrictHighlighter }} />);
    expect(plainText(complete)).toBeTruthy();
    rerender(<Markdown text={complete} components={{ code: StrictHighlighter }} />);
    expect(screen.queryByRole('note')).toBeNull();
    expect(container.querySelector('pre')?.textContent).toBe('print("hi")');
  });

  it('renders again when the text is replaced by another', () => {
    const { rerender } = render(<Markdown text={BROKEN} components={{ code: Highlighter }} />);
    expect(screen.getByRole('note')).toBeTruthy();
    rerender(<Markdown text={'A **new** answer.'} components={{ code: Highlighter }} />);
    expect(screen.queryByRole('note')).toBeNull();
    expect(screen.getByText('new').tagName).toBe('STRONG');
  });
});
