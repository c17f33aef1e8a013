// Load-robust timing: CPU time per run, contenders interleaved in rotating order, medians of many repetitions.
import { median } from '../median.js';
import type { Contender } from './contenders.js';

/** Median CPU milliseconds per contender, and the median over repetitions of each one's time ratio to `base`. */
export interface Measured {
  ms: Map<string, number>;
  /** contender name -> median of (base's time / contender's time) within the same repetition. */
  speedup: Map<string, Map<string, number>>;
}

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e3;
}

/**
 * Runs every contender on `chunks` `runs` times after one warm-up round. Each repetition starts
 * with a different contender, so neither order nor drift in the machine's load favours one of them.
 * CPU time (process.cpuUsage) rather than wall time: other processes on the machine do not count.
 *
 * @example
 * const { ms, speedup } = measure([['rill', rill], ['eventsource-parser', eventsourceParser]], chunks, 15);
 * speedup.get('rill')?.get('eventsource-parser'); // 1.3 means rill took 1/1.3 of its time
 */
export function measure(contenders: [string, Contender][], chunks: Uint8Array[], runs: number): Measured {
  const times = new Map<string, number[]>(contenders.map(([name]) => [name, []]));
  for (let run = -1; run < runs; run++) {
    const round = new Map<string, number>();
    const first = Math.max(run, 0) % contenders.length;
    for (const [name, decode] of [...contenders.slice(first), ...contenders.slice(0, first)]) round.set(name, cpuMs(() => decode(chunks)));
    if (run < 0) continue; // the warm-up round lets the JIT optimize every contender first
    for (const [name, ms] of round) times.get(name)?.push(ms);
  }
  const ms = new Map([...times].map(([name, list]) => [name, median(list)]));
  const speedup = new Map(
    [...times].map(([name, list]) => [
      name,
      new Map([...times].map(([other, otherList]) => [other, median(list.map((t, i) => (otherList[i] ?? Number.NaN) / t))])),
    ]),
  );
  return { ms, speedup };
}
