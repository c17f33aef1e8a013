import type { StructuredParserFactory } from '@rill/core';

/** What parsing has cost so far in this stream. */
export interface ParseCost {
  /** Time spent in `push` and `value`, ms. */
  totalMs: number;
  /** Calls to `push` (one per delta). */
  pushes: number;
  /** Characters pushed. */
  chars: number;
  /** The slowest single `push` or `value` call, ms. */
  maxCallMs: number;
}

/** A parser factory that times its parsers, and the cost they have run up since `reset()`. */
export interface ParseMeter {
  wrap(factory: StructuredParserFactory): StructuredParserFactory;
  /** Starts counting afresh (call it before each stream). */
  reset(): void;
  /** The cost so far, as a fresh object. */
  snapshot(): ParseCost;
}

/**
 * Creates a meter that times every `push`, `value` and `end` call of the parsers it wraps; the
 * page reads `snapshot()` once per rendered frame.
 *
 * @example const meter = createParseMeter(); useStructuredStream({ ...options, parser: meter.wrap(factory) });
 */
export function createParseMeter(): ParseMeter {
  let cost: ParseCost = { totalMs: 0, pushes: 0, chars: 0, maxCallMs: 0 };
  const timed = <T>(call: () => T): T => {
    const started = performance.now();
    try {
      return call();
    } finally {
      const spent = performance.now() - started;
      cost.totalMs += spent;
      cost.maxCallMs = Math.max(cost.maxCallMs, spent);
    }
  };
  return {
    wrap: (factory) => (opts) => {
      const parser = factory(opts);
      return {
        push(chunk) {
          cost.pushes += 1;
          cost.chars += chunk.length;
          timed(() => parser.push(chunk));
        },
        value: () => timed(() => parser.value()),
        done: () => parser.done(),
        end: () => timed(() => parser.end()),
      };
    },
    reset() {
      cost = { totalMs: 0, pushes: 0, chars: 0, maxCallMs: 0 };
    },
    snapshot: () => ({ ...cost }),
  };
}
