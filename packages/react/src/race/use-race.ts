'use client';

import { createRaceStore, type BreakerStatus, type RaceState, type RaceStoreOptions } from '@rill/core';
import { useState, useSyncExternalStore } from 'react';
import { useGatedStore } from '../lifecycle/use-gated-store.js';
import { breakerSource } from './breaker-source.js';

export interface UseRaceOptions extends RaceStoreOptions {
  /** Start on mount (once, also under StrictMode). Default false: call `start()`. */
  autoStart?: boolean | undefined;
}

export interface UseRaceResult extends RaceState {
  /** Each candidate's circuit breaker state, live. */
  breakers: Record<string, BreakerStatus>;
  start(): void;
  stop(): void;
}

/**
 * Races model streams for the first token with core's `race`: the winner streams into the result
 * as `useStream` would, losers are aborted, and the circuit breaker's states are live.
 *
 * @example
 * const breaker = createCircuitBreaker();
 * function Answer({ body }: { body: string }) {
 *   const model = (id: string, url: string): StreamCandidate => ({ id, start: (signal) => decodeProvider('openai-chat', streamSSE(url, { body, signal })) });
 *   const { text, winner } = useRace({ candidates: [model('primary', '/a'), model('backup', '/b')], ttftTimeoutMs: 1500, breaker, autoStart: true });
 *   return <p title={winner}>{text}</p>;
 * }
 */
export function useRace(options: UseRaceOptions): UseRaceResult {
  const [breakers] = useState(() => breakerSource(options.breaker));
  // Core's race store carries the events on its snapshot: no render of their own, never newer than the state shown.
  const { state, store } = useGatedStore(
    createRaceStore,
    options,
    options.autoStart === true ? (s) => s.start() : undefined,
  );
  const breakerStates = useSyncExternalStore(breakers.subscribe, breakers.getSnapshot, breakers.getSnapshot);
  return { ...state, breakers: breakerStates, start: store.start, stop: store.stop };
}
