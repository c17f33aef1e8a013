import { PENDING_LINK, type SkipRange, type Unclosed } from './types.js';

const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>()[\]]*/gi;
// As in GFM autolinks, trailing punctuation is not part of a bare URL (`**https://x.io**` closes).
const TRAILING = /[?!.,:*_~]+$/;

/** Index of the `)` that closes a link destination starting at `from`, nested parentheses balanced; -1 if none yet. */
function closingParen(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && depth-- === 0) return i;
  }
  return -1;
}

/** Where a link destination starting at `from` ends: after its closing `)`, or at a space (a title follows). */
function destinationEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && depth-- === 0) return i + 1;
    else if (c === ' ' || c === '\t' || c === '\n') return i;
  }
  return text.length;
}

/**
 * Replaces a link destination still being written (`[text](https://exa`) by a pending one, so
 * half a URL is never followed and the text does not flash as raw brackets.
 *
 * @example
 * cutPendingDestination('see [docs](https://exa'); // 'see [docs](rill-pending:)'
 */
export function cutPendingDestination(text: string): string {
  const open = pendingDestinationAt(text);
  return open === -1 ? text : `${text.slice(0, open)}](${PENDING_LINK})`;
}

/**
 * Where the `](` of a link destination still being written starts, -1 if none is.
 *
 * @example
 * pendingDestinationAt('see [docs](https://exa'); // 9
 */
export function pendingDestinationAt(text: string): number {
  const open = text.lastIndexOf('](');
  return open === -1 || closingParen(text, open + 2) !== -1 ? -1 : open;
}

/**
 * Finds link destinations (`](...)`) and bare URLs, where `_` or `*` is part of the address, not
 * emphasis. Returns them merged with the `code` ranges, sorted.
 *
 * @example
 * skipLinkTargets('[a](https://x.io/_b) c', []); // [[3, 20]]
 */
export function skipLinkTargets(text: string, code: readonly SkipRange[]): SkipRange[] {
  const ranges: SkipRange[] = [...code];
  for (let open = text.indexOf(']('); open !== -1;) {
    const end = destinationEnd(text, open + 2);
    ranges.push([open + 1, end]);
    open = text.indexOf('](', end);
  }
  for (const match of text.matchAll(BARE_URL))
    ranges.push([match.index, match.index + match[0].replace(TRAILING, '').length]);
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const top = merged[merged.length - 1];
    if (top && start <= top[1]) top[1] = Math.max(top[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * Finds link (or image) text whose `]` has not arrived: it is closed with a pending destination.
 *
 * @example
 * findUnclosedLinkText('see [the do', []); // [{ at: 4, closer: '](rill-pending:)' }]
 */
export function findUnclosedLinkText(text: string, skip: readonly SkipRange[]): Unclosed[] {
  const open: number[] = [];
  let skipIndex = 0;
  for (let i = 0; i < text.length; i++) {
    const range = skip[skipIndex];
    if (range && i >= range[0]) {
      i = Math.max(i, range[1]) - 1;
      skipIndex++;
      continue;
    }
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') open.push(i);
    else if (c === ']') open.pop();
  }
  return open.map((at) => ({ at, closer: `](${PENDING_LINK})` }));
}
