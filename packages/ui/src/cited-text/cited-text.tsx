'use client';

import type { SourcePart, TextPart } from '@rill/core';
import { useMemo } from 'react';
import { CitationMarksContext, citationMarks, type CitationTarget } from '../markdown/citation-marks.js';
import { Markdown } from '../markdown/markdown.js';
import type { MarkdownComponents } from '../markdown/render-tokens.js';
import { citedRun } from './cited-run.js';

/** Props of {@link CitedText}. */
export interface CitedTextProps {
  /** Consecutive text parts of a message (a provider may send each cited passage as its own part). */
  parts: readonly TextPart[];
  /** The message's `source` parts, in order: the numbers the markers show, as a SourceList shows them. */
  sources?: readonly SourcePart[] | undefined;
  /** The `idPrefix` given to the message's SourceList: a marker of a source without a web link goes to its entry. */
  sourceListId?: string | undefined;
  /** True while the last part is still being written. */
  streaming?: boolean | undefined;
  /** Replace the code block renderer, as with `Markdown`. */
  components?: Partial<MarkdownComponents> | undefined;
  /** Syntax-highlight fenced code (default true), as with `Markdown`. */
  highlight?: boolean | undefined;
  className?: string | undefined;
}

const NO_SOURCES: readonly SourcePart[] = [];

/**
 * Text parts as one run of streaming Markdown, with a superscript marker after each passage a
 * citation covers: a link to the source's page (new tab, `rel="noopener noreferrer"`, `http(s):`
 * only) or to its entry in the SourceList, named "Source 1: <title>". Markers of the part still
 * being written appear once it is done; markers never show inside code.
 *
 * @example
 * <CitedText parts={texts} sources={sources} sourceListId="answer-3-sources" streaming={streaming} />
 */
export function CitedText({
  parts,
  sources = NO_SOURCES,
  sourceListId,
  streaming = false,
  components,
  highlight,
  className,
}: CitedTextProps) {
  const run = useMemo(
    () => citedRun(parts, { sources, streaming, sourceListId }),
    [parts, sources, streaming, sourceListId],
  );
  // Keyed by content: a new Map of the same targets (each token makes one) must not change the context value, which
  // makes React search every element below for readers of it (a highlighted code block has thousands).
  const targets = JSON.stringify([...run.targets]);
  const marks = useMemo(() => citationMarks(new Map(JSON.parse(targets) as [number, CitationTarget][])), [targets]);
  return (
    <CitationMarksContext.Provider value={marks}>
      <Markdown
        text={run.text}
        streaming={streaming}
        components={components}
        highlight={highlight}
        className={className}
      />
    </CitationMarksContext.Provider>
  );
}
