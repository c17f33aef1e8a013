/**
 * True under RILL_BENCH_TINY=1 (`pnpm bench:smoke`): each bench runs once on a tiny input, to prove it
 * still runs and prints its tables; its figures then mean nothing and no target is enforced.
 *
 * @example const SIZES = tiny ? [10_000] : [10_000, 1_000_000];
 */
export const tiny = process.env.RILL_BENCH_TINY === '1';
