// Streaming partial JSON: total time for a whole document, Rill's parsers vs the peers vs one JSON.parse.
// Run: pnpm bench json   (or standalone: pnpm exec tsx --conditions=rill-source bench/json/bench.ts)
import { isDeepStrictEqual } from 'node:util';
import { bestEffortThrows, contenders, FRAME_BYTES, type Contender, type Mode } from './contenders.js';
import { jsonDocument } from './document.js';

const SIZES = [2_500, 10_000, 100_000, 1_000_000, 4_000_000];
const CHUNKS = [4, 64];
const MODES: Mode[] = ['frame', 'chunk'];
/** A cell predicted to take longer than this is extrapolated, not run (keeps the bench ~3 minutes). */
const CELL_BUDGET_MS = 2_500;

type Cell = { ms: number; extrapolated: boolean };

function split(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? Number.NaN;
}

/** Median of up to 5 runs, fewer when one run is slow. */
async function time(run: () => unknown): Promise<number> {
  const runs: number[] = [];
  let spent = 0;
  while (runs.length < 5 && (runs.length === 0 || spent < 600)) {
    const start = performance.now();
    await run();
    const ms = performance.now() - start;
    runs.push(ms);
    spent += ms;
  }
  return median(runs);
}

/** Growth exponent k in t ∝ size^k between two sizes. */
function exponent(a: Cell | undefined, b: Cell | undefined, sizeA: number, sizeB: number): number {
  return a && b ? Math.log(b.ms / a.ms) / Math.log(sizeB / sizeA) : Number.NaN;
}

function format(cell: Cell | undefined): string {
  if (!cell) return '-';
  const { ms } = cell;
  const text = ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : ms >= 1_000 ? `${(ms / 1_000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
  return cell.extrapolated ? `${text}*` : text;
}

const label = (size: number): string => (size >= 1e6 ? `${size / 1e6} MB` : `${size / 1e3} KB`);
const documents = new Map(SIZES.map((size) => [size, jsonDocument(size)]));
const all = await contenders();

console.log(`JSON streaming: documents of ${SIZES.map(label).join(', ')} (characters of JSON.stringify output), medians of up to 5 runs.`);
console.log(`"frame" = one snapshot per ${FRAME_BYTES / 1024} KB received (and at the end); "chunk" = a snapshot after every chunk.`);
console.log(`* = extrapolated from the growth exponent of the two largest measured sizes (a run would exceed ${CELL_BUDGET_MS / 1000} s).`);

// Every contender must agree with JSON.parse, or its speed means nothing.
const small = documents.get(10_000) ?? '';
for (const contender of all) {
  const value = await contender.run(split(small, 64), 'frame');
  if (!isDeepStrictEqual(value, JSON.parse(small))) throw new Error(`${contender.name} does not end with JSON.parse's value`);
}

const floor = new Map<number, Cell>();
for (const size of SIZES) {
  const text = documents.get(size) ?? '';
  floor.set(size, { ms: await time(() => JSON.parse(text)), extrapolated: false });
}

const results = new Map<string, Map<number, Cell>>();
const key = (mode: Mode, chunk: number, name: string): string => `${mode}/${chunk}/${name}`;

async function measure(contender: Contender, mode: Mode, chunk: number): Promise<Map<number, Cell>> {
  const cells = new Map<number, Cell>();
  const measured: [number, Cell][] = [];
  for (const size of SIZES) {
    const [previous, last] = [measured.at(-2), measured.at(-1)];
    let predicted = 0;
    let k = contender.quadratic ? 2 : 1.2;
    if (previous && last) k = exponent(previous[1], last[1], previous[0], last[0]);
    if (last) predicted = last[1].ms * (size / last[0]) ** k;
    if (predicted > CELL_BUDGET_MS) {
      cells.set(size, { ms: predicted, extrapolated: true });
      continue;
    }
    const chunks = split(documents.get(size) ?? '', chunk);
    const cell = { ms: await time(() => contender.run(chunks, mode)), extrapolated: false };
    cells.set(size, cell);
    measured.push([size, cell]);
  }
  return cells;
}

for (const mode of MODES) {
  for (const chunk of CHUNKS) {
    console.log(`\nsnapshot per ${mode === 'frame' ? `${FRAME_BYTES / 1024} KB` : 'chunk'}, ${chunk}-character chunks`);
    const header = ['contender'.padEnd(27), ...SIZES.map((s) => label(s).padStart(11)), '  growth k: 10K→100K  100K→1M  1M→4M', '  ×JSON.parse @1MB'];
    console.log(header.join(''));
    const rows: [string, Map<number, Cell>][] = [['JSON.parse once (floor)', floor]];
    for (const contender of all) {
      const cells = await measure(contender, mode, chunk);
      results.set(key(mode, chunk, contender.name), cells);
      rows.push([contender.name, cells]);
    }
    for (const [name, cells] of rows) {
      const growth = [
        [10_000, 100_000],
        [100_000, 1_000_000],
        [1_000_000, 4_000_000],
      ].map(([a = 0, b = 0]) => exponent(cells.get(a), cells.get(b), a, b).toFixed(2).padStart(8));
      const ratio = (cells.get(1_000_000)?.ms ?? Number.NaN) / (floor.get(1_000_000)?.ms ?? Number.NaN);
      console.log([name.padEnd(27), ...SIZES.map((s) => format(cells.get(s)).padStart(11)), '           ', ...growth, `${ratio.toFixed(1)}×`.padStart(13)].join(''));
    }
  }
}

console.log(`\nbest-effort-json-parser threw on ${bestEffortThrows.count} snapshots (prefixes ending inside a \\u escape); counted as its behaviour.`);
console.log('\nTargets:');
const at = (mode: Mode, chunk: number, name: string, size: number): Cell | undefined => results.get(key(mode, chunk, name))?.get(size);
for (const chunk of CHUNKS) {
  const rill1m = at('frame', chunk, 'rill', 1_000_000);
  const rill4m = at('frame', chunk, 'rill', 4_000_000);
  const ratio = (rill1m?.ms ?? Number.NaN) / (floor.get(1_000_000)?.ms ?? Number.NaN);
  const k = Math.max(
    exponent(at('frame', chunk, 'rill', 100_000), rill1m, 100_000, 1_000_000),
    exponent(rill1m, rill4m, 1_000_000, 4_000_000),
  );
  const speedup = (at('chunk', chunk, 'partial-json', 1_000_000)?.ms ?? Number.NaN) / (at('chunk', chunk, 'rill', 1_000_000)?.ms ?? Number.NaN);
  console.log(`  ${chunk}-char chunks: per 4 KB, rill at 1 MB = ${ratio.toFixed(1)}× one JSON.parse (target ≤ 10) ${ratio <= 10 ? 'PASS' : 'FAIL'}`);
  console.log(`  ${chunk}-char chunks: per 4 KB, rill growth exponent 100K→4M ≤ ${k.toFixed(2)} (target ≤ 1.1) ${k <= 1.1 ? 'PASS' : 'FAIL'}`);
  console.log(`  ${chunk}-char chunks: per chunk, rill at 1 MB is ${speedup.toFixed(0)}× faster than partial-json (target ≥ 100) ${speedup >= 100 ? 'PASS' : 'FAIL'}`);
}
