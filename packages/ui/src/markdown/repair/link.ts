import { PENDING_LINK, type CodeRange, type Unclosed } from './types.js';

const inCode = (ranges: readonly CodeRange[], i: number) => ranges.some(([start, end]) => i >= start && i < end);

/**
 * Replaces a link destination still being written (`[text](https://exa`) by a pending one, so
 * half a URL is never followed and the text does not flash as raw brackets.
 *
 * @example
 * cutPendingDestination('see [docs](https://exa'); // 'see [docs](rill-pending:)'
 */
export function cutPendingDestination(text: string): string {
  const open = text.lastIndexOf('](');
  if (open === -1 || text.indexOf(')', open) !== -1) return text;
  return `${text.slice(0, open)}](${PENDING_LINK})`;
}

/**
 * Finds link (or image) text whose `]` has not arrived: it is closed with a pending destination.
 *
 * @example
 * findUnclosedLinkText('see [the do', []); // [{ at: 4, closer: '](rill-pending:)' }]
 */
export function findUnclosedLinkText(text: string, code: readonly CodeRange[]): Unclosed[] {
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
    } else if (inCode(code, i)) {
      continue;
    } else if (c === '[') {
      open.push(i);
    } else if (c === ']') {
      open.pop();
    }
  }
  return open.map((at) => ({ at, closer: `](${PENDING_LINK})` }));
}
