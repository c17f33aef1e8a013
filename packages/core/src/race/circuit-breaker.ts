import { createListeners } from '../store/subscribable.js';

/** `closed`: calls go through. `open`: skipped until the cool-down ends. `half-open`: one trial call decides. */
export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Failures within `windowMs` that open the circuit. Default 3. */
  failureThreshold?: number | undefined;
  /** The sliding window failures are counted in, ms. Default 60 000. */
  windowMs?: number | undefined;
  /** How long an open circuit stays open before one trial, ms. Default 30 000. */
  cooldownMs?: number | undefined;
  /** The clock, in ms; defaults to `Date.now`. */
  now?: (() => number) | undefined;
}

/** One candidate's circuit, as the UI shows it. */
export interface BreakerStatus {
  state: BreakerState;
  /** Failures still inside the window. */
  recentFailures: number;
  /** While open: when the trial is allowed (same clock as `now`). */
  retryAt?: number;
}

/**
 * Per-id circuit breakers in one registry, so state survives from one race to the next.
 * The open → half-open step happens lazily when the state is read (no timers to clean up).
 */
export interface CircuitBreaker {
  /** The current state of `id`'s circuit (`closed` for ids never seen). */
  state(id: string): BreakerState;
  /**
   * Asks to call `id`: true when closed, or when half-open and no trial is running (the caller
   * then holds the trial and must report `recordSuccess`, `recordFailure` or `release`).
   */
  tryAcquire(id: string): boolean;
  /** The call produced what was asked for: closes the circuit. */
  recordSuccess(id: string): void;
  /** The call failed: counts towards opening; a failed trial re-opens at once. */
  recordFailure(id: string): void;
  /** The call ended without a verdict (aborted, lost a race in time): a held trial is given back. */
  release(id: string): void;
  /** Every id seen so far with its status. */
  snapshot(): Record<string, BreakerStatus>;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

interface Circuit {
  failures: number[];
  openedAt?: number;
  trialRunning: boolean;
}

/**
 * Creates a registry of circuit breakers keyed by candidate id: `failureThreshold` failures
 * within `windowMs` open a circuit for `cooldownMs`; then one trial call closes it on success or
 * re-opens it on failure.
 *
 * @example
 * const breaker = createCircuitBreaker({ failureThreshold: 3, windowMs: 60_000, cooldownMs: 30_000 });
 * race([primary, fallback], { ttftTimeoutMs: 2000, breaker });
 * breaker.snapshot(); // { primary: { state: 'open', recentFailures: 3, retryAt: … }, … }
 */
export function createCircuitBreaker(options: CircuitBreakerOptions = {}): CircuitBreaker {
  const { failureThreshold = 3, windowMs = 60_000, cooldownMs = 30_000, now = () => Date.now() } = options;
  const circuits = new Map<string, Circuit>();
  const listeners = createListeners();
  const notify = listeners.notify;
  const circuitOf = (id: string): Circuit => {
    let circuit = circuits.get(id);
    if (circuit === undefined) {
      circuit = { failures: [], trialRunning: false };
      circuits.set(id, circuit);
    }
    return circuit;
  };
  const stateOf = (circuit: Circuit | undefined): BreakerState => {
    if (circuit?.openedAt === undefined) return 'closed';
    return now() - circuit.openedAt >= cooldownMs ? 'half-open' : 'open';
  };
  // Failures are kept only while inside the window, and never more than the threshold needs.
  const prune = (circuit: Circuit) => {
    const since = now() - windowMs;
    circuit.failures = circuit.failures.filter((at) => at > since).slice(-failureThreshold);
  };

  return {
    state: (id) => stateOf(circuits.get(id)),
    tryAcquire(id) {
      const circuit = circuitOf(id);
      const state = stateOf(circuit);
      if (state === 'closed') return true;
      if (state === 'open' || circuit.trialRunning) return false;
      circuit.trialRunning = true;
      notify();
      return true;
    },
    recordSuccess(id) {
      const circuit = circuitOf(id);
      if (circuit.openedAt === undefined && circuit.failures.length === 0) return;
      circuits.set(id, { failures: [], trialRunning: false });
      notify();
    },
    recordFailure(id) {
      const circuit = circuitOf(id);
      const wasTrial = circuit.trialRunning;
      circuit.trialRunning = false;
      circuit.failures.push(now());
      prune(circuit);
      if (wasTrial || circuit.failures.length >= failureThreshold) circuit.openedAt = now();
      notify();
    },
    release(id) {
      const circuit = circuits.get(id);
      if (circuit?.trialRunning !== true) return;
      circuit.trialRunning = false;
      notify();
    },
    snapshot() {
      const result: Record<string, BreakerStatus> = {};
      for (const [id, circuit] of circuits) {
        prune(circuit);
        const state = stateOf(circuit);
        const status: BreakerStatus = { state, recentFailures: circuit.failures.length };
        if (state === 'open' && circuit.openedAt !== undefined) status.retryAt = circuit.openedAt + cooldownMs;
        result[id] = status;
      }
      return result;
    },
    subscribe: listeners.subscribe,
  };
}
