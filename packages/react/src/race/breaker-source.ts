import type { BreakerStatus, CircuitBreaker } from '@rill/core';

/** A breaker's states as a `useSyncExternalStore` source: the snapshot is cached until the breaker changes. */
export interface BreakerSource {
  subscribe(listener: () => void): () => void;
  getSnapshot(): Record<string, BreakerStatus>;
}

const EMPTY: Record<string, BreakerStatus> = {};

/**
 * Wraps a circuit breaker (whose `snapshot()` is a fresh object per call) so React sees a stable snapshot.
 *
 * @example const source = breakerSource(breaker); useSyncExternalStore(source.subscribe, source.getSnapshot);
 */
export function breakerSource(breaker: CircuitBreaker | undefined): BreakerSource {
  let snapshot = breaker?.snapshot() ?? EMPTY;
  return {
    subscribe: (listener) =>
      breaker?.subscribe(() => {
        snapshot = breaker.snapshot();
        listener();
      }) ?? (() => undefined),
    getSnapshot: () => snapshot,
  };
}
