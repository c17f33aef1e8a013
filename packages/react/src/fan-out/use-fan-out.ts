import { createFanOutStore, type FanOutState, type FanOutStoreOptions, type StreamCandidate } from '@rill/core';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { createCommitGate, type CommitGate } from '../lifecycle/commit-gate.js';
import { useOwnedLifecycle } from '../lifecycle/use-owned-lifecycle.js';

export interface UseFanOutOptions extends Omit<FanOutStoreOptions, 'candidates'> {
  /** Start on mount (once, also under StrictMode). Default false: call `start()`. */
  autoStart?: boolean;
}

/** Every source's live state plus the controls. */
export interface UseFanOutResult extends FanOutState {
  /** Starts every candidate (restarting a running fan-out). */
  start(): void;
  /** Aborts every source still running; each ends `aborted`, keeping what arrived. */
  stop(): void;
}

// onFinish waits for the final state's commit, as useStream's does.
function gated(candidates: readonly StreamCandidate[], options: UseFanOutOptions, gate: CommitGate<FanOutState>): FanOutStoreOptions {
  const { onFinish, throttle } = options;
  return { candidates, ...(throttle !== undefined && { throttle }), onFinish: (state) => gate.after(state, () => onFinish?.(state)) };
}

/**
 * Streams several candidates at once over core's `fanOut` (compare models side by side): each
 * source has its own message, status, error and metrics; one failing leaves the others running;
 * at most one render per animation frame for all of them. Unmounting aborts every request.
 *
 * @example
 * function Compare({ body }: { body: string }) {
 *   const model = (id: string, url: string): StreamCandidate => ({ id, start: (signal) => decodeProvider('openai-chat', streamSSE(url, { body, signal })) });
 *   const { sources, stop } = useFanOut([model('gpt', '/a'), model('claude', '/b')], { autoStart: true });
 *   return <>{Object.entries(sources).map(([id, s]) => <p key={id} title={s.status}>{s.text}</p>)}<button onClick={stop}>Stop</button></>;
 * }
 */
export function useFanOut(candidates: readonly StreamCandidate[], options: UseFanOutOptions = {}): UseFanOutResult {
  const [gate] = useState(() => createCommitGate<FanOutState>());
  const [store] = useState(() => createFanOutStore(gated(candidates, options, gate)));
  useEffect(() => store.setOptions(gated(candidates, options, gate)));
  useOwnedLifecycle(store, options.autoStart === true ? () => store.start() : undefined);
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  useEffect(() => gate.committed(state), [gate, state]);
  return { ...state, start: store.start, stop: store.stop };
}
