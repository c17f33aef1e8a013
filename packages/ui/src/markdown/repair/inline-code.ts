import type { SkipRange, Unclosed } from './types.js';

/**
 * Finds the inline code spans of a block (a run of N backticks closes only with N backticks),
 * and the one left open at the end, if any.
 *
 * @example
 * findInlineCode('use `npm i').unclosed; // { at: 4, closer: '`' }
 */
export function findInlineCode(text: string): { ranges: SkipRange[]; unclosed: Unclosed | undefined } {
  const ranges: SkipRange[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '\\') {
      i += 2;
      continue;
    }
    if (text[i] !== '`') {
      i++;
      continue;
    }
    const run = runLength(text, i, '`');
    const fence = '`'.repeat(run);
    let close = text.indexOf(fence, i + run);
    // A longer run of backticks is not a closer for this one.
    while (close !== -1 && runLength(text, close, '`') !== run)
      close = text.indexOf(fence, close + runLength(text, close, '`'));
    if (close === -1) return { ranges, unclosed: { at: i, closer: fence } };
    ranges.push([i, close + run]);
    i = close + run;
  }
  return { ranges, unclosed: undefined };
}

/** How many times `char` repeats from `start`. */
export function runLength(text: string, start: number, char: string): number {
  let end = start;
  while (text[end] === char) end++;
  return end - start;
}
