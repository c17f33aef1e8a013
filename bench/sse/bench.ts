// SSE decoding throughput: Rill vs eventsource-parser vs the raw limit, on one ~20 MB stream.
import { anthropicStream } from './anthropic-stream.js';
import { eventsourceParser, raw, rill, type Contender } from './contenders.js';
import { printSizes } from './size.js';

const RUNS = 7;
const CHUNK_SIZES = [16, 256, 4096, 65536];
const body = anthropicStream(20e6);

function split(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? Number.NaN;
}

const contenders: [string, Contender][] = [
  ['rill', rill],
  ['eventsource-parser', eventsourceParser],
  ['raw', raw],
];

console.log(`SSE decode: ${(body.length / 1e6).toFixed(1)} MB Anthropic-style stream, median of ${RUNS} runs, MB = 10^6 bytes`);
// Rill and eventsource-parser must see the same events, or the race means nothing.
if (rill([body]) !== eventsourceParser([body])) throw new Error('rill and eventsource-parser disagree on the events');
const rows = CHUNK_SIZES.map((size) => {
  const chunks = split(body, size);
  const times = new Map<string, number[]>(contenders.map(([name]) => [name, []]));
  // Interleaved runs, so drift in the machine's load hits every contender alike; run 0 warms up.
  for (let run = 0; run <= RUNS; run++) {
    for (const [name, decode] of contenders) {
      const start = performance.now();
      decode(chunks);
      if (run > 0) times.get(name)?.push(performance.now() - start);
    }
  }
  const mbs = (name: string): number => body.length / 1e6 / (median(times.get(name) ?? []) / 1e3);
  const [ours, peer, floor] = [mbs('rill'), mbs('eventsource-parser'), mbs('raw')];
  return {
    chunk: size >= 1024 ? `${size / 1024} KiB` : `${size} B`,
    'rill MB/s': Math.round(ours),
    'eventsource-parser MB/s': Math.round(peer),
    'raw MB/s': Math.round(floor),
    'rill / eventsource-parser': `${(ours / peer).toFixed(2)}x`,
    'rill / raw': `${(ours / floor).toFixed(2)}x`,
  };
});
console.table(rows);
await printSizes();
