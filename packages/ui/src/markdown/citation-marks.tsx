'use client';

import { createContext, useContext, type ReactNode } from 'react';

/** Where a citation marker leads: its number, accessible name and link (none: the marker is plain text). */
export interface CitationTarget {
  /** e.g. "Source 1: MDN". */
  label: string;
  href?: string;
  /** A page outside this one: opens in a new tab without opener or referrer. */
  external: boolean;
}

/** The markers a Markdown text holds, by number, and the nonce that tells them from text the model wrote. */
export interface CitationMarks {
  nonce: string;
  targets: ReadonlyMap<number, CitationTarget>;
}

/** Set by the component that placed the markers in the text; without it a marker is text. */
export const CitationMarksContext = createContext<CitationMarks | undefined>(undefined);

// Per page load: a model cannot write a marker it does not know the name of.
const NONCE = Math.random().toString(36).slice(2, 10);
const MARK = /<rill-cite-([0-9a-z]+)-(\d+)>/g;

/**
 * The marks for this page: their nonce, and the tag that places citation `number` in Markdown
 * text. The tag is inline HTML to Markdown, so it ends an autolink and sits next to emphasis
 * without breaking it; the renderer turns it into a {@link CitationMark}.
 *
 * @example citationMarkTag(1); // '<rill-cite-k3j9x0a1-1>'
 */
export function citationMarkTag(number: number): string {
  return `<rill-cite-${NONCE}-${number}>`;
}

/**
 * The context value for markers placed with {@link citationMarkTag}.
 *
 * @example <CitationMarksContext.Provider value={citationMarks(targets)}>…</CitationMarksContext.Provider>
 */
export function citationMarks(targets: ReadonlyMap<number, CitationTarget>): CitationMarks {
  return { nonce: NONCE, targets };
}

/**
 * `text` without citation marks: code shows what the model wrote, not the markers placed in it.
 *
 * @example stripCitationMarks(`print(1)${citationMarkTag(1)}`); // 'print(1)'
 */
export function stripCitationMarks(text: string): string {
  return text.includes('<rill-cite-') ? text.replace(MARK, '') : text;
}

/**
 * Inline HTML from Markdown as React nodes: a citation mark becomes its marker, anything else stays
 * the text it is (model output is never markup).
 *
 * @example renderInlineHtml('<b>', false); // '<b>'
 */
export function renderInlineHtml(text: string, inLink: boolean): ReactNode {
  if (!text.includes('<rill-cite-')) return text;
  const nodes: ReactNode[] = [];
  let at = 0;
  for (const match of text.matchAll(MARK)) {
    if (match.index > at) nodes.push(text.slice(at, match.index));
    nodes.push(
      <CitationMark
        key={match.index}
        nonce={match[1] ?? ''}
        number={Number(match[2])}
        raw={match[0]}
        inLink={inLink}
      />,
    );
    at = match.index + match[0].length;
  }
  if (at < text.length) nodes.push(text.slice(at));
  return nodes;
}

function CitationMark({ nonce, number, raw, inLink }: { nonce: string; number: number; raw: string; inLink: boolean }) {
  const marks = useContext(CitationMarksContext);
  const target = marks?.nonce === nonce ? marks.targets.get(number) : undefined;
  // Text the model wrote that looks like a mark is shown as written.
  if (target === undefined) return raw;
  // Inside a link's text a marker cannot be a second link.
  if (inLink || target.href === undefined) {
    return (
      <sup className="rill-cite" title={target.label}>
        {number}
      </sup>
    );
  }
  return (
    <sup className="rill-cite">
      <a
        href={target.href}
        aria-label={target.label}
        {...(target.external && { target: '_blank', rel: 'noopener noreferrer' })}
      >
        {number}
      </a>
    </sup>
  );
}
