import type { JsonPath } from '../parser-types.js';

type Entries = [string | number, unknown][];

function entriesOf(value: unknown): Entries | undefined {
  if (Array.isArray(value)) return value.map((item, index) => [index, item]);
  if (typeof value === 'object' && value !== null) return Object.entries(value);
  return undefined;
}

/**
 * Completion events for a parser that only returns whole snapshots: a child is complete once a
 * later sibling appears (or the document is), so only the rightmost path is ever walked.
 *
 * @example
 * const frontier = new CompletionFrontier((path, v) => log(path, v));
 * frontier.advance([1, 2], false); // reports [0] (a later sibling exists), not yet [1]
 */
export class CompletionFrontier {
  /** How many children are reported, per container on the rightmost path. */
  private readonly reported: number[] = [];
  /** Paths already reported: the final value (from JSON.parse) can hold keys partial snapshots lacked. */
  private readonly done = new Set<string>();

  constructor(private readonly listener: (path: JsonPath, value: unknown) => void) {}

  /** Reports what `snapshot` proves complete; `final` when the whole document is. @example frontier.advance(v, true) */
  advance(snapshot: unknown, final: boolean): void {
    if (final) this.reportAll(snapshot, []);
    else this.visit(snapshot, 0, [], false);
    if (final) this.onComplete([], snapshot);
  }

  private onComplete(path: JsonPath, value: unknown): void {
    const key = JSON.stringify(path);
    if (this.done.has(key)) return;
    this.done.add(key);
    this.listener(path, value);
  }

  private visit(container: unknown, depth: number, path: JsonPath, final: boolean): void {
    const entries = entriesOf(container);
    if (!entries) return;
    const done = this.reported[depth] ?? 0;
    const limit = final ? entries.length : Math.max(done, entries.length - 1);
    for (let index = done; index < limit; index++) {
      const [key, child] = entries[index] as [string | number, unknown];
      // The child that was on the rightmost path already reported part of its inside.
      if (index === done && this.reported.length > depth + 1) this.visit(child, depth + 1, [...path, key], true);
      else this.reportAll(child, [...path, key]);
      this.reported.length = depth + 1;
      this.onComplete([...path, key], child);
    }
    this.reported[depth] = limit;
    const last = entries[limit];
    if (!final && last) this.visit(last[1], depth + 1, [...path, last[0]], false);
  }

  private reportAll(value: unknown, path: JsonPath): void {
    for (const [key, child] of entriesOf(value) ?? []) {
      this.reportAll(child, [...path, key]);
      this.onComplete([...path, key], child);
    }
  }
}
