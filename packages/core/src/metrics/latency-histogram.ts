/** Smallest latency told apart from zero, in ms; anything below lands in the first bucket. */
const MIN_MS = 0.1;
/** Each bucket is 4% wider than the one before: a reported percentile is within ±2% of the truth. */
const GROWTH = 1.04;
/** Buckets up to MIN_MS · GROWTH^BUCKETS ≈ 5 minutes; longer gaps share the last bucket. */
const BUCKETS = 380;
const LOG_GROWTH = Math.log(GROWTH);

/**
 * Percentiles of a stream of latencies in fixed memory: 381 counters, O(1) per value,
 * O(buckets) per query, however many values arrive. Values are kept in log-spaced buckets, so a
 * percentile is reported as its bucket's geometric middle (relative error ≤ 2%), clamped to the
 * smallest and largest value seen (so a constant latency is reported exactly).
 *
 * @example
 * const h = createLatencyHistogram();
 * for (const ms of [10, 12, 40]) h.record(ms);
 * h.percentile(0.5); // ≈ 12
 */
export interface LatencyHistogram {
  /** Adds one latency in ms (negative values count as 0). */
  record(ms: number): void;
  /** The nearest-rank percentile for `p` in [0, 1]; `undefined` before the first value. */
  percentile(p: number): number | undefined;
  /** How many values were recorded. */
  readonly count: number;
}

/**
 * Creates an empty {@link LatencyHistogram}.
 *
 * @example
 * const h = createLatencyHistogram(); h.record(25); h.percentile(0.95); // 25
 */
export function createLatencyHistogram(): LatencyHistogram {
  const counts = new Uint32Array(BUCKETS + 1);
  let count = 0;
  let min = Infinity;
  let max = -Infinity;

  const bucketOf = (ms: number): number =>
    ms < MIN_MS ? 0 : Math.min(BUCKETS, 1 + Math.floor(Math.log(ms / MIN_MS) / LOG_GROWTH));
  // Bucket i ≥ 1 holds [MIN_MS·G^(i-1), MIN_MS·G^i); its geometric middle is MIN_MS·G^(i-½).
  const middleOf = (bucket: number): number => (bucket === 0 ? 0 : MIN_MS * GROWTH ** (bucket - 0.5));

  return {
    record(ms) {
      const value = Math.max(0, ms);
      const bucket = bucketOf(value);
      counts[bucket] = (counts[bucket] ?? 0) + 1;
      count += 1;
      if (value < min) min = value;
      if (value > max) max = value;
    },
    percentile(p) {
      if (count === 0) return undefined;
      const rank = Math.max(1, Math.ceil(Math.min(1, Math.max(0, p)) * count));
      let bucket = -1;
      let seen = 0;
      while (seen < rank) {
        bucket += 1;
        seen += counts[bucket] ?? 0;
      }
      return Math.min(max, Math.max(min, middleOf(bucket)));
    },
    get count() {
      return count;
    },
  };
}
