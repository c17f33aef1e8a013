import { findUnclosedEmphasis } from './emphasis.js';
import { findOpenContent, repairOpenFence } from './fence.js';
import { findInlineCode } from './inline-code.js';
import { cutPendingDestination, findUnclosedLinkText, skipLinkTargets } from './link.js';
import type { Unclosed } from './types.js';

// A block indented four spaces (or a tab) is an indented code block: shown as written.
const INDENTED_CODE = /^(?: {4}|[ ]{0,3}\t)/;

/**
 * Makes the Markdown block being written render as it will once complete: an open code fence
 * stays code, and in the inline content being written (the last paragraph, list item or table
 * row before it) open inline code, emphasis and link text are closed, innermost first. Only ever
 * applied to the last block; its cost is linear in that block.
 *
 * @example
 * repairBlock('Some **bold and `code'); // 'Some **bold and `code`**'
 */
export function repairBlock(block: string): string {
  if (INDENTED_CODE.test(block)) return block;
  const { at, fence } = findOpenContent(block);
  const inline = block.slice(at, fence?.at);
  // Before an open fence, the whitespace that separates them stays as written.
  const prose = fence ? inline.trimEnd() : inline;
  const code = fence ? repairOpenFence(block.slice(fence.at), fence.fence) : '';
  return block.slice(0, at) + repairInline(prose) + inline.slice(prose.length) + code;
}

/**
 * Closes the open inline code, emphasis and link text of inline content (a paragraph's text
 * being written, with no block structure of its own), innermost first.
 *
 * @example
 * repairInline('a **bold [li'); // 'a **bold [li](rill-pending:)**'
 */
export function repairInline(block: string): string {
  let text = cutPendingDestination(block);
  let code = findInlineCode(text);
  // A code span (or fence) opened with nothing after it yet is hidden rather than closed empty.
  if (code.unclosed && code.unclosed.at + code.unclosed.closer.length >= text.trimEnd().length) {
    text = text.slice(0, code.unclosed.at);
    code = { ranges: code.ranges, unclosed: undefined };
  }
  // Inside a code span still open, nothing else counts either; nor does `_` or `*` in an address.
  const skip = skipLinkTargets(text, code.unclosed ? [...code.ranges, [code.unclosed.at, text.length]] : code.ranges);
  const emphasis = findUnclosedEmphasis(text, skip);
  if (emphasis.danglingAt !== undefined && (code.unclosed === undefined || code.unclosed.at < emphasis.danglingAt)) {
    text = text.slice(0, emphasis.danglingAt);
  }
  const unclosed: Unclosed[] = [...emphasis.unclosed, ...findUnclosedLinkText(text, skip)];
  if (code.unclosed) unclosed.push(code.unclosed);
  if (unclosed.length === 0) return text;
  // A closer after whitespace would not be right-flanking, so it would not close.
  if (code.unclosed === undefined) text = text.trimEnd();
  return (
    text +
    unclosed
      .sort((a, b) => b.at - a.at)
      .map((u) => u.closer)
      .join('')
  );
}
