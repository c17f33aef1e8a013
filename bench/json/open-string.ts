// One string value growing to 50 MB with a snapshot after every 64 KB: value() must cost O(new characters), not O(length).
import { createIncrementalParser } from '@rill/json';

const TOTAL = 50 * 1024 * 1024;
const STEP = 64 * 1024;

/**
 * Streams the open string once and prints value()'s cost: in total, and per snapshot near the start and the end.
 *
 * @example
 * printOpenString(); // open string to 50 MB, value() after every 64 KB (800 snapshots): …
 */
export function printOpenString(): void {
  const parser = createIncrementalParser();
  const piece = 'x'.repeat(STEP);
  const snapshots = TOTAL / STEP;
  const times: number[] = [];
  let pushMs = 0;
  parser.push('{"text":"');
  for (let i = 0; i < snapshots; i++) {
    const pushed = performance.now();
    parser.push(piece);
    const start = performance.now();
    parser.value();
    times.push(performance.now() - start);
    pushMs += start - pushed;
  }
  const tenth = snapshots / 10;
  const mean = (values: number[]): number => (values.reduce((sum, t) => sum + t, 0) / values.length) * 1000;
  const total = times.reduce((sum, t) => sum + t, 0);
  console.log(
    `\nOpen string to ${TOTAL / 2 ** 20} MiB, value() after every ${STEP / 1024} KiB (${snapshots} snapshots):`,
  );
  console.log(
    `  value() ${total.toFixed(1)} ms in total; mean per snapshot ${mean(times.slice(0, tenth)).toFixed(1)} µs over the first ${tenth}, ` +
      `${mean(times.slice(-tenth)).toFixed(1)} µs over the last ${tenth} (equal if O(new characters), 10x if O(length)); push ${pushMs.toFixed(0)} ms in total`,
  );
}
