// Streaming partial JSON: total time for a whole document, Rill's parsers vs the peers vs one JSON.parse.
// Run: pnpm bench json   (or standalone: pnpm exec tsx --conditions=rill-source bench/json/bench.ts)
import { bestEffortThrows, Clock, contenders, FRAME_BYTES, type Contender, type Mode } from './contenders.js';
import { median } from '../median.js';
import { jsonDocument } from './document.js';
import { printOpenString } from './open-string.js';
import { tiny } from '../tiny.js';

const SIZES = tiny ? [10_000, 100_000] : [10_000, 100_000, 1_000_000, 4_000_000];
const LARGEST = SIZES.at(-1) ?? 0;
/** Where the clock is read while streaming the 4 MB document: the table's sizes and the doublings between them. */
const CHECKPOINTS = Array.from({ length: 12 }, (_, i) => 2_500 * 2 ** i).filter((n) => n < LARGEST);
for (const size of SIZES) if (!CHECKPOINTS.includes(size)) CHECKPOINTS.push(size);
CHECKPOINTS.sort((a, b) => a - b);
const CHUNKS = [4, 64];
const MODES: Mode[] = ['frame', 'chunk'];
/** Each contender streams until this much time is spent; larger sizes are extrapolated (keeps the bench ~3 minutes). */
const BUDGET_MS = tiny ? 100 : 2_500;

type Cell = { ms: number; extrapolated: boolean };
type Row = { cells: Map<number, Cell>; fit: number };

function split(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}

/** Growth exponent k in t ∝ size^k between two sizes. */
function exponent(a: Cell | undefined, b: Cell | undefined, sizeA: number, sizeB: number): number {
  return a && b ? Math.log(b.ms / a.ms) / Math.log(sizeB / sizeA) : Number.NaN;
}

function format(cell: Cell | undefined): string {
  if (!cell) return '-';
  const { ms } = cell;
  const text =
    ms >= 60_000
      ? `${(ms / 60_000).toFixed(1)} min`
      : ms >= 1_000
        ? `${(ms / 1_000).toFixed(2)} s`
        : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
  return cell.extrapolated ? `${text}*` : text;
}

const label = (size: number): string => (size >= 1e6 ? `${size / 1e6} MB` : `${size / 1e3} KB`);
const documents = new Map(SIZES.map((size) => [size, jsonDocument(size)]));
// A little over the largest size, so the clock passes its mark (jsonDocument stops just short of its size).
const largest = jsonDocument(LARGEST + 10_000);
const all = await contenders();

console.log(
  `JSON streaming: documents of ${SIZES.map(label).join(', ')} (characters of JSON.stringify output), medians of up to 5 runs.`,
);
console.log(
  `"frame" = one snapshot per ${FRAME_BYTES / 1024} KB received (and at the end); "chunk" = a snapshot after every chunk.`,
);
console.log(
  `Each contender streams the ${label(LARGEST)} document, reading the clock as each size is reached, until done or`,
);
console.log(
  `${BUDGET_MS / 1000} s are spent; * = extrapolated from the growth between the last two sizes reached (doublings).`,
);

// Every contender must agree with JSON.parse (content and key order), or its speed means nothing.
const small = documents.get(10_000) ?? '';
for (const contender of all) {
  const value = await contender.run(split(small, 64), 'frame');
  if (JSON.stringify(value) !== JSON.stringify(JSON.parse(small)))
    throw new Error(`${contender.name} does not end with JSON.parse's value`);
}

const floor = new Map<number, Cell>();
for (const size of SIZES) {
  const text = documents.get(size) ?? '';
  const runs = Array.from({ length: 7 }, () => {
    const start = performance.now();
    JSON.parse(text);
    return performance.now() - start;
  });
  floor.set(size, { ms: median(runs), extrapolated: false });
}

const results = new Map<string, Row>();
const key = (mode: Mode, chunk: number, name: string): string => `${mode}/${chunk}/${name}`;

/** Times at every checkpoint: median of up to 5 runs when runs are quick, then extrapolated past the budget. */
/** Least-squares slope of log(time) over log(size): the growth exponent measured from 100 KB up. */
function fitExponent(sizes: number[], times: number[]): number {
  const points = sizes
    .map((size, i) => [Math.log(size), Math.log(times[i] ?? Number.NaN)] as const)
    .filter(([x, y], i) => (sizes[i] ?? 0) >= 100_000 && Number.isFinite(x) && Number.isFinite(y));
  if (points.length < 2) return Number.NaN;
  const mx = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const my = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  const sxy = points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0);
  const sxx = points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  return sxy / sxx;
}

async function measure(contender: Contender, mode: Mode, chunk: number): Promise<Row> {
  const chunks = split(largest, chunk);
  await contender.run(split(documents.get(10_000) ?? '', chunk), mode); // warm the JIT
  const runs: number[][] = [];
  let spent = 0;
  while (runs.length < 5 && (runs.length === 0 || spent < 1_000)) {
    const clock = new Clock(CHECKPOINTS, BUDGET_MS);
    await contender.run(chunks, mode, clock);
    runs.push(clock.marks);
    spent += clock.marks.at(-1) ?? 0;
  }
  const reached = Math.min(...runs.map((marks) => marks.length));
  const times = CHECKPOINTS.slice(0, reached).map((_, i) => median(runs.map((marks) => marks[i] ?? Number.NaN)));
  const cells = new Map<number, Cell>();
  const last = reached - 1;
  const k =
    reached >= 2
      ? Math.log((times[last] ?? 0) / (times[last - 1] ?? 0)) /
        Math.log((CHECKPOINTS[last] ?? 0) / (CHECKPOINTS[last - 1] ?? 1))
      : 2;
  for (const size of SIZES) {
    const index = CHECKPOINTS.indexOf(size);
    if (index < reached) cells.set(size, { ms: times[index] ?? Number.NaN, extrapolated: false });
    else
      cells.set(size, {
        ms: (times[last] ?? Number.NaN) * (size / (CHECKPOINTS[last] ?? 1)) ** Math.max(1, k),
        extrapolated: true,
      });
  }
  return { cells, fit: fitExponent(CHECKPOINTS.slice(0, reached), times) };
}

for (const mode of MODES) {
  for (const chunk of CHUNKS) {
    console.log(`\nsnapshot per ${mode === 'frame' ? `${FRAME_BYTES / 1024} KB` : 'chunk'}, ${chunk}-character chunks`);
    const header = [
      'contender'.padEnd(27),
      ...SIZES.map((s) => label(s).padStart(11)),
      '  growth k: 10K→100K  100K→1M  1M→4M  fit≥100K',
      '  ×JSON.parse @1MB',
    ];
    console.log(header.join(''));
    const rows: [string, Row][] = [['JSON.parse once (floor)', { cells: floor, fit: Number.NaN }]];
    for (const contender of all) {
      const row = await measure(contender, mode, chunk);
      results.set(key(mode, chunk, contender.name), row);
      rows.push([contender.name, row]);
    }
    for (const [name, { cells, fit }] of rows) {
      const growth = [
        [10_000, 100_000],
        [100_000, 1_000_000],
        [1_000_000, 4_000_000],
      ].map(([a = 0, b = 0]) => exponent(cells.get(a), cells.get(b), a, b).toFixed(2).padStart(8));
      const ratio = (cells.get(1_000_000)?.ms ?? Number.NaN) / (floor.get(1_000_000)?.ms ?? Number.NaN);
      console.log(
        [
          name.padEnd(27),
          ...SIZES.map((s) => format(cells.get(s)).padStart(11)),
          '           ',
          ...growth,
          fit.toFixed(2).padStart(10),
          `${ratio.toFixed(1)}×`.padStart(13),
        ].join(''),
      );
    }
  }
}

console.log(
  `\nbest-effort-json-parser threw on ${bestEffortThrows.count} snapshots (prefixes ending inside a \\u escape); counted as its behaviour.`,
);
console.log('\nTargets:');
const at = (mode: Mode, chunk: number, name: string, size: number): Cell | undefined =>
  results.get(key(mode, chunk, name))?.cells.get(size);
for (const chunk of CHUNKS) {
  const rill1m = at('frame', chunk, 'rill', 1_000_000);
  const ratio = (rill1m?.ms ?? Number.NaN) / (floor.get(1_000_000)?.ms ?? Number.NaN);
  const k = results.get(key('frame', chunk, 'rill'))?.fit ?? Number.NaN;
  const speedup =
    (at('chunk', chunk, 'partial-json', 1_000_000)?.ms ?? Number.NaN) /
    (at('chunk', chunk, 'rill', 1_000_000)?.ms ?? Number.NaN);
  console.log(
    `  ${chunk}-char chunks: per 4 KB, rill at 1 MB = ${ratio.toFixed(1)}× one JSON.parse (target ≤ 10) ${ratio <= 10 ? 'PASS' : 'FAIL'}`,
  );
  console.log(
    `  ${chunk}-char chunks: per 4 KB, rill growth exponent fitted over 100 KB…4 MB = ${k.toFixed(2)} (target ≤ 1.1) ${k <= 1.1 ? 'PASS' : 'FAIL'}`,
  );
  console.log(
    `  ${chunk}-char chunks: per chunk, rill at 1 MB is ${speedup.toFixed(0)}× faster than partial-json (target ≥ 100) ${speedup >= 100 ? 'PASS' : 'FAIL'}`,
  );
}

// Where the growth comes from: parsing alone (no snapshot until the end), and the floor's own growth in this process.
const rill = all.find((contender) => contender.name === 'rill');
const floorGrowth = exponent(floor.get(1_000_000), floor.get(4_000_000), 1_000_000, 4_000_000);
console.log(
  `\nDiagnosis: JSON.parse's own growth 1 MB→4 MB here = ${floorGrowth.toFixed(2)} (garbage collection of a growing tree).`,
);
for (const chunk of rill ? CHUNKS : []) {
  const { fit } = await measure(rill as Contender, 'end', chunk);
  const framed = results.get(key('frame', chunk, 'rill'))?.fit ?? Number.NaN;
  console.log(
    `  ${chunk}-char chunks: rill parsing alone (one snapshot at the end) fit ≥100K = ${fit.toFixed(2)}; with a snapshot per 4 KB = ${framed.toFixed(2)}`,
  );
}

printOpenString();
