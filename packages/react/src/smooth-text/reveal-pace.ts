/** Tuning of {@link createRevealPace}. */
export interface RevealPaceOptions {
  /** Text that arrived longer ago than this is always shown (ms, default 300). */
  maxLagMs?: number | undefined;
  /** Slowest reveal speed, characters per second (default 30). */
  minCharsPerSecond?: number | undefined;
}

/** Decides, frame by frame, how much of a growing text to show. */
export interface RevealPace {
  /** Text grew to `length` characters at time `at`; a shorter length, or `restart`, is a new text, paced from zero; the same length again is ignored. */
  arrived(length: number, at: number, restart?: boolean): void;
  /** How many characters to show at time `at`, given `shown` are shown now. */
  next(shown: number, at: number): number;
}

/**
 * Paces a reveal after the recent arrival rate: each backlog is spread over about the gap
 * between arrivals, so chunky batches read as a steady flow; text older than `maxLagMs` is shown
 * whatever the pace. Pure arithmetic on the times given, so it is testable without a clock.
 *
 * @example
 * const pace = createRevealPace({ maxLagMs: 200 });
 * pace.arrived(40, 0);
 * pace.next(0, 16); // a few characters, not all 40
 */
export function createRevealPace(options: RevealPaceOptions = {}): RevealPace {
  const maxLagMs = options.maxLagMs ?? 300;
  const minPerMs = (options.minCharsPerSecond ?? 30) / 1000;
  // Arrivals within the lag window, oldest first: [time, length].
  const arrivals: [number, number][] = [];
  let gapMs = 50;
  let lastAt: number | undefined;
  let lastFrame: number | undefined;
  let latest = 0;
  // Characters that arrived more than maxLagMs ago: always shown.
  let floor = 0;

  return {
    arrived(length, at, restart = length < latest) {
      // A new stream in the same place: the old arrivals and rate say nothing about it.
      if (restart) {
        arrivals.length = 0;
        gapMs = 50;
        lastAt = undefined;
        floor = 0;
      } else if (length === latest) {
        // Nothing new arrived (StrictMode runs a mount effect twice): not an arrival, so it must not shorten the gap.
        return;
      }
      if (lastAt !== undefined) gapMs = gapMs * 0.7 + Math.min(maxLagMs, Math.max(16, at - lastAt)) * 0.3;
      lastAt = at;
      latest = length;
      arrivals.push([at, length]);
    },
    next(shown, at) {
      const frameMs = lastFrame === undefined ? 16 : Math.max(1, at - lastFrame);
      lastFrame = at;
      for (let oldest = arrivals[0]; oldest !== undefined && oldest[0] <= at - maxLagMs; oldest = arrivals[0]) {
        floor = Math.min(latest, oldest[1]);
        arrivals.shift();
      }
      const total = latest;
      const backlog = total - shown;
      if (backlog <= 0) return total;
      const step = Math.max(minPerMs * frameMs, (backlog * frameMs) / gapMs, 1);
      return Math.max(floor, Math.min(total, Math.floor(shown + step)));
    },
  };
}
