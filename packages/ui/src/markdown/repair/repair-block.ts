import { findUnclosedEmphasis } from './emphasis.js';
import { repairOpenFence } from './fence.js';
import { findInlineCode } from './inline-code.js';
import { cutPendingDestination, findUnclosedLinkText } from './link.js';
import type { Unclosed } from './types.js';

/**
 * Makes the Markdown block being written render as it will once complete: an open code fence
 * stays code, and open inline code, emphasis and link text are closed, innermost first. Only
 * ever applied to the last block; its cost is linear in that block.
 *
 * @example
 * repairBlock('Some **bold and `code'); // 'Some **bold and `code`**'
 */
export function repairBlock(block: string): string {
  const fenced = repairOpenFence(block);
  if (fenced !== undefined) return fenced;
  let text = cutPendingDestination(block);
  const code = findInlineCode(text);
  // Inside a code span still open, nothing else counts either.
  const skip = code.unclosed ? [...code.ranges, [code.unclosed.at, text.length] as const] : code.ranges;
  const emphasis = findUnclosedEmphasis(text, skip);
  if (emphasis.danglingAt !== undefined && (code.unclosed === undefined || code.unclosed.at < emphasis.danglingAt)) {
    text = text.slice(0, emphasis.danglingAt);
  }
  const unclosed: Unclosed[] = [...emphasis.unclosed, ...findUnclosedLinkText(text, skip)];
  if (code.unclosed) unclosed.push(code.unclosed);
  if (unclosed.length === 0) return text;
  // A closer after whitespace would not be right-flanking, so it would not close.
  if (code.unclosed === undefined) text = text.trimEnd();
  return text + unclosed.sort((a, b) => b.at - a.at).map((u) => u.closer).join('');
}
