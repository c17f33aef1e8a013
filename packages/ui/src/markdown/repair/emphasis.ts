import { runLength } from './inline-code.js';
import type { SkipRange, Unclosed } from './types.js';

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

interface Opener {
  delimiter: string;
  at: number;
}

/**
 * Finds `*`, `_`, `**`, `__` and `~~` emphasis opened and not closed, outside the `skip` ranges
 * (sorted). An opener with nothing after it yet is reported as `dangling` so that it can be
 * hidden rather than closed empty.
 *
 * @example
 * findUnclosedEmphasis('a **bold', []); // { unclosed: [{ at: 2, closer: '**' }], danglingAt: undefined }
 */
export function findUnclosedEmphasis(
  text: string,
  skip: readonly SkipRange[],
): { unclosed: Unclosed[]; danglingAt: number | undefined } {
  const stack: Opener[] = [];
  let skipIndex = 0;
  let i = 0;
  while (i < text.length) {
    const range = skip[skipIndex];
    if (range && i >= range[0]) {
      i = Math.max(i, range[1]);
      skipIndex++;
      continue;
    }
    const c = text[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c !== '*' && c !== '_' && c !== '~') {
      i++;
      continue;
    }
    const run = runLength(text, i, c);
    visitRun(text, i, run, c, stack);
    i += run;
  }
  const end = text.trimEnd().length;
  const last = stack[stack.length - 1];
  const dangling = last !== undefined && last.at + last.delimiter.length >= end;
  if (dangling) stack.pop();
  return {
    unclosed: stack.map((o) => ({ at: o.at, closer: o.delimiter })),
    danglingAt: dangling ? last.at : undefined,
  };
}

function visitRun(text: string, at: number, run: number, c: string, stack: Opener[]): void {
  const before = text[at - 1];
  const after = text[at + run];
  const lineStart = at === 0 || before === '\n';
  // `* item` at a line start is a list bullet, `a * b` is a literal star, `snake_case` is a word.
  if (c === '*' && lineStart && after === ' ') return;
  const atEnd = after === undefined;
  if (isSpace(before) && isSpace(after) && !atEnd) return;
  if (c === '_' && isWordChar(before) && isWordChar(after)) return;
  // `~~` strikes through (a lone `~` is left alone, `~/path` is common); at the end, `~` may be half of one.
  if (c === '~' && run !== 2 && !(run === 1 && atEnd)) return;
  const pieces = c === '~' ? [c.repeat(run)] : run === 1 ? [c] : run === 2 ? [c + c] : [c + c, c];
  const canClose = !isSpace(before);
  // A delimiter at the very end may be an opener whose content has not arrived yet.
  const canOpen = atEnd || !isSpace(after);
  let offset = 0;
  for (const delimiter of pieces) {
    const top = stack[stack.length - 1];
    if (canClose && top?.delimiter === delimiter) stack.pop();
    else if (canClose && pieces.length === 2 && top && top.delimiter[0] === c) stack.pop();
    else if (canOpen) stack.push({ delimiter, at: at + offset });
    offset += delimiter.length;
  }
}
