// SSE decoding throughput: Rill vs eventsource-parser vs the raw limit, on one ~20 MB stream, in
// Node and in Chromium (each with its own TextDecoder and JIT), then the bundle sizes.
// RILL_BENCH_TINY=1 runs one pass on 200 KB (a smoke test: tables printed, no target enforced).
import { anthropicStream } from './anthropic-stream.js';
import { openChromiumBench } from './chromium.js';
import { split } from './chunks.js';
import { contenders } from './contenders.js';
import { cpuMs, measure, type Measured } from './measure.js';
import { measureSizes, printAppSizes, printSizes, SIZE_TARGET, TRANSPORT_BUNDLE } from './size.js';

const tiny = process.env.RILL_BENCH_TINY === '1';
const RUNS = tiny ? 1 : 9;
const BYTES = tiny ? 2e5 : 20e6;
const CHUNK_SIZES = [16, 256, 4096, 65536];
// Targets: at least eventsource-parser's speed, and 0.85x the raw limit where that limit is the ceiling.
const VS_EP = 1.0;
const VS_RAW = 0.85;
const names = Object.keys(contenders);
const body = anthropicStream(BYTES);

interface Row {
  chunk: string;
  'rill MB/s': number;
  'e-p MB/s': number;
  'raw MB/s': number;
  'TextDecoder MB/s': number;
  'rill / e-p': string;
  'rill / raw': string;
  'raw / e-p': string;
  'skeleton / e-p': string;
}

function row(size: number, { ms, speedup }: Measured): Row {
  const mbs = (name: string): number => Math.round(body.length / 1e3 / (ms.get(name) ?? Number.NaN));
  const ratio = (name: string, base: string): string => `${(speedup.get(name)?.get(base) ?? Number.NaN).toFixed(2)}x`;
  return {
    chunk: size >= 1024 ? `${size / 1024} KiB` : `${size} B`,
    'rill MB/s': mbs('rill'),
    'e-p MB/s': mbs('eventsource-parser'),
    'raw MB/s': mbs('raw'),
    'TextDecoder MB/s': mbs('TextDecoder'),
    'rill / e-p': ratio('rill', 'eventsource-parser'),
    'rill / raw': ratio('rill', 'raw'),
    // The ceilings: no decoder that decodes and scans every line can beat raw, nor one that builds events the skeleton.
    'raw / e-p': ratio('raw', 'eventsource-parser'),
    'skeleton / e-p': ratio('skeleton', 'eventsource-parser'),
  };
}

// Rill beating raw (tiny chunks wait as bytes, decoded once per line end, where raw decodes each) means raw is no ceiling there.
function verdicts(where: string, rows: Row[]): boolean {
  let met = true;
  for (const r of rows) {
    const [vsEp, vsRaw] = [parseFloat(r['rill / e-p']), parseFloat(r['rill / raw'])];
    met &&= vsEp >= VS_EP && vsRaw >= VS_RAW;
    console.log(
      `  ${where} ${r.chunk}: >= ${VS_EP}x eventsource-parser ${vsEp >= VS_EP ? 'met' : 'MISSED'}; >= ${VS_RAW}x raw ${vsRaw >= VS_RAW ? 'met' : 'MISSED'}`,
    );
  }
  return met;
}

console.log(
  `SSE decode: ${(body.length / 1e6).toFixed(1)} MB Anthropic-style stream (see anthropic-stream.ts), MB = 10^6 bytes`,
);
console.log(
  `CPU time (Node: process.cpuUsage; Chromium: the page's main-thread time, CDP), median of ${RUNS} interleaved runs after a warm-up; ratios are medians of per-run ratios.`,
);
console.log(
  'raw = streaming TextDecoder + indexOf per LF; skeleton = the least work that yields events (drops lines split across chunks)',
);

const nodeRows: Row[] = [];
for (const size of CHUNK_SIZES) {
  const chunks = split(body, size);
  // Rill and eventsource-parser must see the same events at this chunking, or the race means nothing.
  if (contenders.rill?.(chunks) !== contenders['eventsource-parser']?.(chunks))
    throw new Error(`rill and eventsource-parser disagree on the events at ${size} B chunks`);
  nodeRows.push(row(size, await measure(names, (name) => cpuMs(() => contenders[name]?.(chunks)), RUNS)));
}
console.log(`\nNode ${process.version}:`);
console.table(nodeRows);

const page = await openChromiumBench();
const chromiumRows: Row[] = [];
try {
  for (const size of CHUNK_SIZES) {
    if (!(await page.prepare(BYTES, size)))
      throw new Error(`rill and eventsource-parser disagree on the events at ${size} B chunks in Chromium`);
    chromiumRows.push(row(size, await page.measure(names, RUNS)));
  }
} finally {
  await page.close();
}
console.log(`\nChromium ${page.version}:`);
console.table(chromiumRows);

console.log('\nside by side, rill / eventsource-parser and rill / raw:');
console.table(
  CHUNK_SIZES.map((_, i) => ({
    chunk: nodeRows[i]?.chunk,
    'Node vs e-p': nodeRows[i]?.['rill / e-p'],
    'Node vs raw': nodeRows[i]?.['rill / raw'],
    'Chromium vs e-p': chromiumRows[i]?.['rill / e-p'],
    'Chromium vs raw': chromiumRows[i]?.['rill / raw'],
  })),
);

console.log('\ntargets:');
const speed = [verdicts('Node', nodeRows), verdicts('Chromium', chromiumRows)].every(Boolean);
const sizes = await measureSizes();
printSizes(sizes);
await printAppSizes();
const transport = sizes.find((s) => s.bundle === TRANSPORT_BUNDLE);
const small = typeof transport?.gzipped === 'number' && transport.gzipped <= SIZE_TARGET;
console.log(
  `  createSSEDecoder + streamSSE <= ${SIZE_TARGET} B min+gzip: ${small ? 'met' : 'MISSED'} (${transport?.gzipped ?? '?'} B)`,
);
process.exit((speed && small) || tiny ? 0 : 1);
