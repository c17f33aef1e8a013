// Each contender streams the same chunks and takes snapshots where the mode says; all return the last value.
import { createIncrementalParser } from '@rill/json';
import { createPartialJsonParser } from '@rill/json/partial-json';
import { loadTreeSitterBackend } from '@rill/json/tree-sitter';
import { parsePartialJson } from 'ai';
import { disableErrorLogging, parse as bestEffortParse } from 'best-effort-json-parser';
import { parse as partialJsonParse } from 'partial-json';

/** `frame`: one snapshot per 4 KB received (how the UI reads); `chunk`: one after every chunk (how peers are used). */
export type Mode = 'frame' | 'chunk';
export const FRAME_BYTES = 4096;

export interface Contender {
  name: string;
  /** True for peers that re-parse everything per snapshot (O(n²) over a stream). */
  quadratic: boolean;
  run(chunks: string[], mode: Mode): Promise<unknown>;
}

/** Calls `snapshot` after each chunk, or once per FRAME_BYTES received, and once at the end. */
async function stream(chunks: string[], mode: Mode, push: (chunk: string) => void, snapshot: () => unknown): Promise<unknown> {
  let sinceSnapshot = 0;
  for (const chunk of chunks) {
    push(chunk);
    sinceSnapshot += chunk.length;
    if (mode === 'chunk' || sinceSnapshot >= FRAME_BYTES) {
      sinceSnapshot = 0;
      await snapshot();
    }
  }
  return snapshot();
}

type Factory = () => { push(chunk: string): void; value(): unknown; end(): void };

function incremental(name: string, create: Factory, quadratic = false): Contender {
  return {
    name,
    quadratic,
    run: async (chunks, mode) => {
      const parser = create();
      let last: unknown;
      await stream(chunks, mode, (chunk) => parser.push(chunk), () => (last = parser.value()));
      parser.end();
      return last;
    },
  };
}

function reparsing(name: string, parse: (text: string) => unknown | Promise<unknown>): Contender {
  return {
    name,
    quadratic: true,
    run: (chunks, mode) => {
      let text = '';
      return stream(chunks, mode, (chunk) => (text += chunk), () => parse(text));
    },
  };
}

/** best-effort-json-parser throws inside a `\u` escape; that is its behaviour, counted, not a crash. */
export const bestEffortThrows = { count: 0 };

/** Every contender, loaded (the tree-sitter wasm is loaded once, outside the timings). */
export async function contenders(): Promise<Contender[]> {
  disableErrorLogging();
  const createTreeSitterParser = await loadTreeSitterBackend();
  return [
    incremental('rill', () => createIncrementalParser()),
    incremental('rill tree-sitter', () => createTreeSitterParser()),
    incremental('rill partial-json adapter', () => createPartialJsonParser(), true),
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
