import { findUnclosedEmphasis } from './emphasis.js';
import { findInlineCode } from './inline-code.js';
import { findUnclosedLinkText, pendingDestinationAt, skipLinkTargets } from './link.js';
import type { SkipRange } from './types.js';

// Raw HTML that runs until its own closer (marked lets a comment left open run to the end).
const RAW_HTML: readonly [open: string, close: string][] = [
  ['<!--', '-->'],
  ['<?', '?>'],
  ['<![CDATA[', ']]>'],
];
// A `<` that may start a tag or an autolink (`a < b` may not).
const TAG_START = /<[A-Za-z/!?]/g;

/**
 * Where the first inline construct still open in `text` starts (code span, emphasis,
 * strikethrough, link text or destination, raw HTML or autolink), or -1 when none is, so
 * text added after it cannot change how it renders. Errs towards open.
 *
 * @example
 * firstOpenInline('done **bold** and `code` '); // -1
 * firstOpenInline('a *b and c'); // 2
 */
export function firstOpenInline(text: string): number {
  const code = findInlineCode(text);
  const skip = skipLinkTargets(text, code.unclosed ? [...code.ranges, [code.unclosed.at, text.length]] : code.ranges);
  const emphasis = findUnclosedEmphasis(text, skip);
  const starts = [
    code.unclosed?.at ?? -1,
    emphasis.danglingAt ?? -1,
    ...emphasis.unclosed.map((u) => u.at),
    ...findUnclosedLinkText(text, skip).map((u) => u.at),
    pendingDestinationAt(text),
    openSingleTilde(text, skip),
    openTag(text),
  ].filter((at) => at !== -1);
  return starts.length === 0 ? -1 : Math.min(...starts);
}

/** A single `~` that opens a strikethrough (marked strikes `~a~` as well as `~~a~~`) and is not closed. */
function openSingleTilde(text: string, skip: readonly SkipRange[]): number {
  let open = -1;
  for (let i = text.indexOf('~'); i !== -1; i = text.indexOf('~', i + 1)) {
    if (text[i + 1] === '~' || text[i - 1] === '~' || skip.some(([start, end]) => i >= start && i < end)) continue;
    if (open !== -1 && !/\s/.test(text[i - 1] ?? ' ')) open = -1;
    else if (open === -1 && !/\s/.test(text[i + 1] ?? ' ')) open = i;
  }
  return open;
}

/** A raw HTML tag, comment or autolink whose end has not arrived. */
function openTag(text: string): number {
  for (const [open, close] of RAW_HTML) {
    const at = text.lastIndexOf(open);
    if (at !== -1 && text.indexOf(close, at + open.length) === -1) return at;
  }
  let last = -1;
  for (const match of text.matchAll(TAG_START)) last = match.index;
  return last !== -1 && text.indexOf('>', last) === -1 ? last : -1;
}
