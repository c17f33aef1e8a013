import { useEffect, useState } from 'react';

/** What a code block renderer receives; pass your own through `Markdown`'s `components.code`. */
export interface CodeBlockProps {
  /** The code, as text. */
  code: string;
  /** The fence's info string (e.g. `ts`), empty when none. */
  language: string;
}

/**
 * A fenced code block with a "Copy code" button (it says "Copied" for two seconds after).
 *
 * @example
 * <CodeBlock code={'npm i @rill/ui'} language="sh" />
 */
export function CodeBlock({ code, language }: CodeBlockProps) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = () => {
    void navigator.clipboard.writeText(code).then(() => setCopied(true), () => setCopied(false));
  };

  return (
    <div className="rill-code" data-language={language || undefined}>
      <div className="rill-code__bar">
        {language && <span className="rill-code__language">{language}</span>}
        <button type="button" className="rill-code__copy" onClick={copy} data-state={copied ? 'copied' : 'idle'}>
          {copied ? 'Copied' : 'Copy code'}
        </button>
      </div>
      <pre className="rill-code__pre" tabIndex={0}>
        <code className={language ? `language-${language}` : undefined}>{code}</code>
      </pre>
    </div>
  );
}
