// Each contender streams the same chunks and takes snapshots where the mode says; all return the last value.
import { createIncrementalParser } from '@rill/json';
import { createPartialJsonParser } from '@rill/json/partial-json';
import { loadTreeSitterBackend } from '@rill/json/tree-sitter';
import { parsePartialJson } from 'ai';
import { disableErrorLogging, parse as bestEffortParse } from 'best-effort-json-parser';
import { parse as partialJsonParse } from 'partial-json';

/**
 * `frame`: one snapshot per 4 KB received (how the UI reads); `chunk`: one after every chunk (how peers are used);
 * `end`: only the final snapshot (parsing alone, to tell its cost from the snapshots').
 */
export type Mode = 'frame' | 'chunk' | 'end';
export const FRAME_BYTES = 4096;

/** Marks times at given character counts while streaming, and stops once a budget is spent. */
export class Clock {
  readonly marks: number[] = [];
  private readonly start = performance.now();
  private next = 0;

  constructor(
    private readonly checkpoints: number[],
    private readonly budgetMs: number,
  ) {}

  /** Called after each chunk; false once the budget is spent (the stream stops there). */
  tick(received: number): boolean {
    if (received < (this.checkpoints[this.next] ?? Infinity)) return true;
    const elapsed = performance.now() - this.start;
    while (received >= (this.checkpoints[this.next] ?? Infinity)) {
      this.marks.push(elapsed);
      this.next++;
    }
    return elapsed < this.budgetMs;
  }
}

export interface Contender {
  name: string;
  run(chunks: string[], mode: Mode, clock?: Clock): Promise<unknown>;
}

/** Calls `snapshot` after each chunk, or once per FRAME_BYTES received, and once at the end. */
async function stream(
  chunks: string[],
  mode: Mode,
  push: (chunk: string) => void,
  snapshot: () => unknown,
  clock?: Clock,
): Promise<unknown> {
  let sinceSnapshot = 0;
  let received = 0;
  for (const chunk of chunks) {
    push(chunk);
    sinceSnapshot += chunk.length;
    received += chunk.length;
    if (mode === 'chunk' || (mode === 'frame' && sinceSnapshot >= FRAME_BYTES)) {
      sinceSnapshot = 0;
      await snapshot();
    }
    if (clock && !clock.tick(received)) return undefined;
  }
  return snapshot();
}

type Factory = () => { push(chunk: string): void; value(): unknown; end(): void };

function incremental(name: string, create: Factory): Contender {
  return {
    name,
    run: async (chunks, mode, clock) => {
      const parser = create();
      let last: unknown;
      await stream(
        chunks,
        mode,
        (chunk) => parser.push(chunk),
        () => (last = parser.value()),
        clock,
      );
      if (!clock) parser.end();
      return last;
    },
  };
}

function reparsing(name: string, parse: (text: string) => unknown | Promise<unknown>): Contender {
  return {
    name,
    run: (chunks, mode, clock) => {
      let text = '';
      return stream(
        chunks,
        mode,
        (chunk) => (text += chunk),
        () => parse(text),
        clock,
      );
    },
  };
}

/** best-effort-json-parser throws inside a `\u` escape; that is its behaviour, counted, not a crash. */
export const bestEffortThrows = { count: 0 };

/**
 * Every contender, loaded (the tree-sitter wasm is loaded once, outside the timings).
 *
 * @example for (const c of await contenders()) console.log(c.name);
 */
export async function contenders(): Promise<Contender[]> {
  disableErrorLogging();
  const createTreeSitterParser = await loadTreeSitterBackend();
  return [
    incremental('rill', () => createIncrementalParser()),
    incremental('rill tree-sitter', () => createTreeSitterParser()),
    incremental('rill partial-json adapter', () => createPartialJsonParser()),
    reparsing('partial-json', (text) => partialJsonParse(text)),
    // Async in ai v7: awaited per snapshot, as its callers must.
    reparsing('ai parsePartialJson', async (text) => (await parsePartialJson(text)).value),
    reparsing('best-effort-json-parser', (text) => {
      try {
        return bestEffortParse(text);
      } catch {
        bestEffortThrows.count++;
        return undefined;
      }
    }),
  ];
}
