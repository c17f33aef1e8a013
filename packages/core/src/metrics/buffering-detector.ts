/**
 * What counts as "a proxy is buffering the stream". A burst is a run of parts, each arriving
 * within `burstGapMs` of the previous one, that follows a silence of at least `silenceMs`; it
 * counts once it holds `minBurstTokens` token parts. Buffering is suspected after `minBursts`
 * such bursts, or, once the stream has ended, when one burst carried at least half of all token
 * parts (a proxy that held the whole response back).
 */
export interface BufferingHeuristic {
  /** A gap at least this long (ms) before a burst. Default 500. */
  silenceMs: number;
  /** Parts this close together (ms) belong to the same burst. Default 5. */
  burstGapMs: number;
  /** Token parts a burst needs to count. Default 10. */
  minBurstTokens: number;
  /** Bursts needed before the stream ended. Default 2. */
  minBursts: number;
}

/** The thresholds used unless `createMetricsRecorder({ buffering })` overrides some. */
export const defaultBufferingHeuristic: Readonly<BufferingHeuristic> = Object.freeze({
  silenceMs: 500,
  burstGapMs: 5,
  minBurstTokens: 10,
  minBursts: 2,
});

/** Shown when buffering is suspected: says what to change on the proxy. */
export const bufferingMessage =
  'Events arrive in large batches after long silences: a reverse proxy is probably buffering the stream. ' +
  'Turn buffering off for this route (nginx: `proxy_buffering off;`) or send the response header `X-Accel-Buffering: no`.';

/** The detector's state machine; O(1) per arrival. */
export interface BufferingDetector {
  /** Something arrived at `at` (ms); `token` when it was a token part. */
  arrival(at: number, token: boolean): void;
  /** The next gap is expected (a reconnect's back-off) and must not start a burst. */
  expectGap(): void;
  /** Whether the heuristic fires; `ended` enables the whole-response rule. */
  suspected(totalTokens: number, ended: boolean): boolean;
}

/**
 * Creates a {@link BufferingDetector} for the given heuristic.
 *
 * @example
 * const d = createBufferingDetector(defaultBufferingHeuristic);
 * d.arrival(0, false); d.arrival(900, true); d.suspected(1, false); // false
 */
export function createBufferingDetector(heuristic: BufferingHeuristic): BufferingDetector {
  let last: number | undefined;
  let gapExpected = false;
  let inBurst = false;
  let burstTokens = 0;
  let largestBurst = 0;
  let bursts = 0;

  return {
    arrival(at, token) {
      const gap = last === undefined ? 0 : at - last;
      last = at;
      if (gap >= heuristic.silenceMs && !gapExpected) {
        inBurst = true;
        burstTokens = 0;
      } else if (gap > heuristic.burstGapMs) {
        inBurst = false;
      }
      gapExpected = false;
      if (!inBurst || !token) return;
      burstTokens += 1;
      if (burstTokens === heuristic.minBurstTokens) bursts += 1;
      if (burstTokens > largestBurst) largestBurst = burstTokens;
    },
    expectGap() {
      gapExpected = true;
      inBurst = false;
    },
    suspected(totalTokens, ended) {
      if (bursts >= heuristic.minBursts) return true;
      return ended && bursts > 0 && largestBurst * 2 >= totalTokens;
    },
  };
}
