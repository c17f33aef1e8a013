// SSE decoding throughput: Rill vs eventsource-parser vs the raw limit, on one ~20 MB stream.
import { anthropicStream } from './anthropic-stream.js';
import { eventsourceParser, raw, rill, skeleton, textDecoder, type Contender } from './contenders.js';
import { measure } from './measure.js';
import { printSizes } from './size.js';

const RUNS = 9;
const CHUNK_SIZES = [16, 256, 4096, 65536];
const TARGET = 1.5;
const body = anthropicStream(20e6);

function split(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

const contenders: [string, Contender][] = [
  ['rill', rill],
  ['eventsource-parser', eventsourceParser],
  ['raw', raw],
  ['TextDecoder', textDecoder],
  ['skeleton', skeleton],
];

console.log(`SSE decode: ${(body.length / 1e6).toFixed(1)} MB Anthropic-style stream (see anthropic-stream.ts), MB = 10^6 bytes`);
console.log(`CPU time (process.cpuUsage), median of ${RUNS} interleaved runs after a warm-up; ratios are medians of per-run ratios.`);
console.log('raw = streaming TextDecoder + indexOf per LF; skeleton = the least work that yields events (drops lines split across chunks)');
const rows = CHUNK_SIZES.map((size) => {
  const chunks = split(body, size);
  // Rill and eventsource-parser must see the same events at this chunking, or the race means nothing.
  if (rill(chunks) !== eventsourceParser(chunks)) throw new Error(`rill and eventsource-parser disagree on the events at ${size} B chunks`);
  const { ms, speedup } = measure(contenders, chunks, RUNS);
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
});
console.table(rows);
console.log(`Targets: rill / e-p >= ${TARGET}x, rill / raw >= 0.5x (within 2x). e-p = eventsource-parser.`);
for (const row of rows) {
  const ours = parseFloat(row['rill / e-p']);
  const reachable = parseFloat(row['skeleton / e-p']);
  const verdict = ours >= TARGET ? 'met' : reachable < TARGET ? `out of reach here: even the skeleton is ${row['skeleton / e-p']}` : 'missed';
  console.log(`  ${row.chunk}: ${TARGET}x ${verdict}; within 2x of raw ${parseFloat(row['rill / raw']) >= 0.5 ? 'met' : 'missed'}`);
}
await printSizes();
