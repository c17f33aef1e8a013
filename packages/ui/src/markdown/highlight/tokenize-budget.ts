// The tokenising one task may do, across every code block it renders: past it, lines wait for a later task, so the
// first highlighting of a restored conversation (or a grammar's first lines, whose patterns compile as they are met)
// never makes a long task.
const SLICE_MS = 8;
let sliceEnd: number | undefined;

/**
 * Whether the current task may still tokenise: the first call starts a slice, which lasts until a later task (a
 * timer) opens the next one, so renders run from microtasks of one task (a grammar's load) share it too.
 *
 * @example
 * for (const line of lines) if (timeLeft()) tokenize(line); else break;
 */
export function timeLeft(): boolean {
  const now = performance.now();
  if (sliceEnd === undefined) {
    sliceEnd = now + SLICE_MS;
    setTimeout(() => (sliceEnd = undefined), 0);
  }
  return now < sliceEnd;
}
