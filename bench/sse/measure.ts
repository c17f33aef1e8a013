// Load-robust timing: CPU time per run, contenders interleaved in rotating order, medians of many repetitions.
import { median } from '../median.js';

/** Median CPU milliseconds per contender, and the median over repetitions of each one's time ratio to another. */
export interface Measured {
  ms: Map<string, number>;
  /** contender name -> other contender -> median of (other's time / contender's time) within the same repetition. */
  speedup: Map<string, Map<string, number>>;
}

/**
 * Times every contender `runs` times after one warm-up round, with `time(name)` (its CPU milliseconds
 * for one pass). Each repetition starts with a different contender, so neither order nor drift in
 * the machine's load favours one of them.
 *
 * @example
 * const { ms, speedup } = await measure(['rill', 'eventsource-parser'], (name) => cpuMs(() => contenders[name](chunks)), 9);
 * speedup.get('rill')?.get('eventsource-parser'); // 1.3 means rill took 1/1.3 of its time
 */
export async function measure(
  names: readonly string[],
  time: (name: string) => number | Promise<number>,
  runs: number,
): Promise<Measured> {
  const times = new Map<string, number[]>(names.map((name) => [name, []]));
  for (let run = -1; run < runs; run++) {
    const round = new Map<string, number>();
    const first = Math.max(run, 0) % names.length;
    for (const name of [...names.slice(first), ...names.slice(0, first)]) round.set(name, await time(name));
    if (run < 0) continue; // the warm-up round lets the JIT optimize every contender first
    for (const [name, ms] of round) times.get(name)?.push(ms);
  }
  const ms = new Map([...times].map(([name, list]) => [name, median(list)]));
  const speedup = new Map(
    [...times].map(([name, list]) => [
      name,
      new Map(
        [...times].map(([other, otherList]) => [other, median(list.map((t, i) => (otherList[i] ?? Number.NaN) / t))]),
      ),
    ]),
  );
  return { ms, speedup };
}

/**
 * The CPU milliseconds (user + system, process.cpuUsage) `run` takes: other processes' load does not count.
 *
 * @example cpuMs(() => decode(chunks)); // 41.2
 */
export function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e3;
}
