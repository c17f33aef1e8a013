'use client';

import { race, type BreakerStatus, type CircuitBreaker, type RaceEvent, type StreamCandidate, type StreamState } from '@rill/core';
import { useState, useSyncExternalStore } from 'react';
import { useStreamStore, type UseStreamOptions } from '../stream/use-stream.js';
import { breakerSource, createRaceLog, raceSnapshotSource } from './race-sources.js';

export interface UseRaceOptions extends Pick<UseStreamOptions, 'throttle' | 'onPart' | 'onFinish' | 'onError' | 'autoStart'> {
  candidates: readonly StreamCandidate[];
  ttftTimeoutMs: number;
  breaker?: CircuitBreaker;
}

export interface UseRaceResult extends StreamState {
  /** The candidate whose stream is shown, once decided. */
  winner?: string;
  /** What happened in the race, in order (starts, fallbacks, failures, the winner, aborted losers). */
  events: readonly RaceEvent[];
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
  const { candidates, ttftTimeoutMs, breaker, ...rest } = options;
  const [log] = useState(createRaceLog);
  const [breakers] = useState(() => breakerSource(breaker));
  const { store } = useStreamStore({
    ...rest,
    source: ({ signal }) => {
      log.clear();
      return race(candidates, { ttftTimeoutMs, signal, ...(breaker !== undefined && { breaker }), onEvent: log.add });
    },
  });
  // Events ride on the store's snapshot: no render of their own, and never newer than the state shown.
  const [snapshots] = useState(() => raceSnapshotSource(store, log));
  const { state, events } = useSyncExternalStore(snapshots.subscribe, snapshots.getSnapshot, snapshots.getSnapshot);
  const breakerStates = useSyncExternalStore(breakers.subscribe, breakers.getSnapshot, breakers.getSnapshot);
  const winner = events.find((e) => e.type === 'winner')?.id;
  return { ...state, ...(winner !== undefined && { winner }), events, breakers: breakerStates, start: () => store.start(), stop: store.stop };
}
