'use client';

import { useEffect, useState } from 'react';
import { HighlightedCode } from './highlight/highlighted-code.js';
import { PIECE } from './highlight/code-tokens.js';
import { useHighlightedCode } from './highlight/use-highlighted-code.js';

/** What a code block renderer receives; pass your own through `Markdown`'s `components.code`. */
export interface CodeBlockProps {
  /** The code, as text. */
  code: string;
  /** The fence's info string (e.g. `ts`), empty when none. */
  language: string;
}

/**
 * A fenced code block with a "Copy code" button (it says "Copied" for two seconds after). Code
 * longer than a few KB is laid out in pieces of whole lines (`.rill-code__lines`, blocks in the
 * default theme), so code growing while it streams lays out its last piece again, not all of it.
 * Code in a common language (`ts`, `py`, `sh`…) is syntax-highlighted once its grammar has loaded
 * (lazily; `Markdown`'s `highlight={false}` turns it off): still one `<code>` of the same text, coloured
 * runs as `<span>`s styled by `--rill-code-token-*` properties, and the block is marked `data-highlighted`.
 *
 * @example
 * <CodeBlock code={'npm i @rill/ui'} language="sh" />
 */
export function CodeBlock({ code, language }: CodeBlockProps) {
  const [copied, setCopied] = useState(false);
  const [highlighted, ref] = useHighlightedCode(code, language);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = () => {
    void navigator.clipboard.writeText(code).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <div
      ref={ref}
      className="rill-code"
      data-language={language || undefined}
      data-highlighted={highlighted === undefined ? undefined : ''}
    >
      <div className="rill-code__bar">
        {language && <span className="rill-code__language">{language}</span>}
        <button type="button" className="rill-code__copy" onClick={copy} data-state={copied ? 'copied' : 'idle'}>
          {copied ? 'Copied' : 'Copy code'}
        </button>
      </div>
      <pre className="rill-code__pre" tabIndex={0}>
        <code className={language ? `language-${language}` : undefined}>
          {highlighted !== undefined ? (
            <HighlightedCode view={highlighted} />
          ) : code.length <= PIECE ? (
            code
          ) : (
            codePieces(code).map((piece, i) => (
              <span key={i} className="rill-code__lines">
                {piece}
              </span>
            ))
          )}
        </code>
      </pre>
    </div>
  );
}

/**
 * `code` cut after the first line end at or past every PIECE characters: where a piece ends
 * depends only on the code before it, so growing code keeps its earlier pieces.
 *
 * @example
 * codePieces(longCode).join('') === longCode; // true
 */
function codePieces(code: string): string[] {
  const pieces: string[] = [];
  let at = 0;
  for (
    let end = code.indexOf('\n', at + PIECE - 1);
    end !== -1 && end < code.length - 1;
    end = code.indexOf('\n', at + PIECE - 1)
  ) {
    pieces.push(code.slice(at, end + 1));
    at = end + 1;
  }
  pieces.push(code.slice(at));
  return pieces;
}
