import type { SourcePart, TextPart } from '@rill/core';
import { citationMarkTag, type CitationTarget } from '../markdown/citation-marks.js';
import { sourceName, webHref } from '../sources/web-href.js';

/** Options of {@link citedRun}. */
export interface CitedRunOptions {
  /** The message's sources in order: source 1 is the first. */
  sources: readonly SourcePart[];
  /** The last part is still being written: its markers wait until it is done, so they do not move. */
  streaming: boolean;
  /** The SourceList's `idPrefix`: a source with no web address is marked with a link to its entry. */
  sourceListId?: string | undefined;
}

const SPACE = /\s/;

/**
 * Consecutive text parts as one Markdown text with a citation marker after each cited passage
 * (at a citation's `end`, or at the end of its part; before trailing white space), and where each
 * marker leads. A citation of a source the message does not have gets no marker.
 *
 * @example
 * const { text, targets } = citedRun(textParts, { sources, streaming: false });
 */
export function citedRun(
  parts: readonly TextPart[],
  { sources, streaming, sourceListId }: CitedRunOptions,
): { text: string; targets: Map<number, CitationTarget> } {
  const numbers = new Map(sources.map((s, i) => [s.id, i + 1]));
  const targets = new Map<number, CitationTarget>();
  let text = '';
  parts.forEach((part, index) => {
    const own: unknown = part.text;
    // A restored message edited by hand: fail, so the part's fallback shows it as plain text.
    if (typeof own !== 'string') throw new TypeError('A text part whose text is not a string.');
    const marks: { at: number; number: number }[] = [];
    const citations = streaming && index === parts.length - 1 ? [] : (part.citations ?? []);
    for (const citation of citations) {
      const number = numbers.get(citation.sourceId);
      if (number === undefined) continue;
      const floor = Math.max(0, Math.min(citation.start ?? 0, own.length));
      let at = Math.max(floor, Math.min(citation.end ?? own.length, own.length));
      while (at > floor && SPACE.test(own.charAt(at - 1))) at--;
      if (!marks.some((m) => m.at === at && m.number === number)) marks.push({ at, number });
      if (!targets.has(number)) targets.set(number, target(sources[number - 1] as SourcePart, number, sourceListId));
    }
    marks.sort((a, b) => a.at - b.at || a.number - b.number);
    let from = 0;
    for (const mark of marks) {
      text += own.slice(from, mark.at) + citationMarkTag(mark.number);
      from = mark.at;
    }
    text += from === 0 ? own : own.slice(from);
  });
  return { text, targets };
}

function target(source: SourcePart, number: number, sourceListId: string | undefined): CitationTarget {
  const label = `Source ${number}: ${sourceName(source)}`;
  const href = webHref(source.url);
  if (href !== undefined) return { label, href, external: true };
  return sourceListId === undefined
    ? { label, external: false }
    : { label, href: `#${sourceListId}-${number}`, external: false };
}
