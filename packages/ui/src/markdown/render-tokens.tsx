'use client';

import { Fragment, type ComponentType, type ReactNode } from 'react';
import type { MarkedToken, Token, Tokens } from 'marked';
import { renderInlineHtml, stripCitationMarks } from './citation-marks.js';
import type { CodeBlockProps } from './code-block.js';
import { safeUrl } from './safe-url.js';

/** Renderers a `Markdown` user can replace. */
export interface MarkdownComponents {
  /** Renders fenced and indented code blocks (default: `CodeBlock`, with a copy button). */
  code: ComponentType<CodeBlockProps>;
}

// Model output is never HTML: raw HTML tokens are shown as the text they are.
const asText = (token: Tokens.HTML | Tokens.Tag) => token.text;

/** Renders block tokens as React elements; no token ever becomes markup from a string. */
export function renderBlocks(tokens: readonly Token[], components: MarkdownComponents): ReactNode {
  return tokens.map((token, i) => <Fragment key={i}>{renderBlock(token as MarkedToken, components)}</Fragment>);
}

function renderBlock(token: MarkedToken, components: MarkdownComponents): ReactNode {
  switch (token.type) {
    case 'heading': {
      const Heading = `h${Math.min(Math.max(token.depth, 1), 6)}` as 'h1';
      return <Heading>{renderInline(token.tokens)}</Heading>;
    }
    case 'paragraph':
      return <p>{renderInline(token.tokens)}</p>;
    case 'code':
      return (
        <components.code code={stripCitationMarks(token.text)} language={token.lang?.trim().split(/\s+/)[0] ?? ''} />
      );
    case 'blockquote':
      return <blockquote>{renderBlocks(token.tokens, components)}</blockquote>;
    case 'list': {
      const items = token.items.map((item, i) => (
        <li key={i} data-task={item.task ? (item.checked ? 'done' : 'open') : undefined}>
          {item.task && (
            <span className="rill-md__task" role="img" aria-label={item.checked ? 'done' : 'not done'}>
              {item.checked ? '☑' : '☐'}
            </span>
          )}
          {renderListItem(item, components)}
        </li>
      ));
      if (!token.ordered) return <ul>{items}</ul>;
      return <ol start={token.start === '' || token.start === 1 ? undefined : token.start}>{items}</ol>;
    }
    case 'table':
      return (
        <div className="rill-md__table">
          <table>
            <thead>
              <tr>
                {token.header.map((cell, i) => (
                  <th key={i} style={cell.align ? { textAlign: cell.align } : undefined}>
                    {renderInline(cell.tokens)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {token.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i} style={cell.align ? { textAlign: cell.align } : undefined}>
                      {renderInline(cell.tokens)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'hr':
      return <hr />;
    case 'html':
      return <p>{asText(token)}</p>;
    case 'text':
      return <p>{token.tokens ? renderInline(token.tokens) : token.text}</p>;
    default:
      // `space` and link definitions (`def`) show nothing.
      return null;
  }
}

function renderListItem(item: Tokens.ListItem, components: MarkdownComponents): ReactNode {
  // A tight list item holds bare `text` tokens, which must not become paragraphs.
  return item.tokens.map((child, i) => {
    const token = child as MarkedToken;
    if (token.type === 'checkbox') return null;
    if (token.type === 'text')
      return <Fragment key={i}>{token.tokens ? renderInline(token.tokens) : token.text}</Fragment>;
    return <Fragment key={i}>{renderBlock(token, components)}</Fragment>;
  });
}

/**
 * Renders inline tokens (a paragraph's content) as React elements; `inLink` inside a link's text,
 * where an image must not become a second, nested <a>.
 *
 * @example
 * <p>{renderInline(lexInline('some **bold** text', {}))}</p>
 */
export function renderInline(tokens: readonly Token[], inLink = false): ReactNode {
  return tokens.map((child, i) => <Fragment key={i}>{renderInlineToken(child as MarkedToken, inLink)}</Fragment>);
}

function renderInlineToken(token: MarkedToken, inLink: boolean): ReactNode {
  switch (token.type) {
    case 'strong':
      return <strong>{renderInline(token.tokens, inLink)}</strong>;
    case 'em':
      return <em>{renderInline(token.tokens, inLink)}</em>;
    case 'del':
      return <del>{renderInline(token.tokens, inLink)}</del>;
    case 'codespan':
      return <code>{stripCitationMarks(token.text)}</code>;
    case 'br':
      return <br />;
    case 'link': {
      const href = safeUrl(token.href);
      const children = renderInline(token.tokens, true);
      if (href === undefined)
        return (
          <span className="rill-md__link" data-state="inert">
            {children}
          </span>
        );
      return (
        <a href={href} title={token.title ?? undefined} target="_blank" rel="noopener noreferrer">
          {children}
        </a>
      );
    }
    case 'image': {
      // Images from the model are not loaded (a URL can carry data out): shown as a link to them.
      const href = safeUrl(token.href);
      const label = `Image: ${token.text || 'untitled'}`;
      if (href === undefined || inLink)
        return (
          <span className="rill-md__image" data-state="inert">
            {label}
          </span>
        );
      return (
        <a className="rill-md__image" href={href} target="_blank" rel="noopener noreferrer">
          {label}
        </a>
      );
    }
    case 'html':
      // Text, or the citation markers a CitedText placed.
      return renderInlineHtml(token.text, inLink);
    case 'text':
      return token.tokens ? renderInline(token.tokens, inLink) : token.text;
    case 'escape':
      return token.text;
    default:
      return 'text' in token ? String(token.text) : null;
  }
}
