// The tokenising one task may do, across every code block it renders: past it, lines wait for a later task, so the
// first highlighting of a restored conversation (or a grammar's first lines, whose patterns compile as they are met)
// never makes a long task.
const SLICE_MS = 8;
let sliceEnd: number | undefined;

/**
 * Whether the current task may still tokenise: the first call in a task starts its slice, which ends once the
 * synchronous work in progress (a React render of every block) has run.
 *
 * @example
 * for (const line of lines) if (timeLeft()) tokenize(line); else break;
 */
export function timeLeft(): boolean {
  const now = performance.now();
  if (sliceEnd === undefined) {
    sliceEnd = now + SLICE_MS;
    queueMicrotask(() => (sliceEnd = undefined));
  }
  return now < sliceEnd;
}
