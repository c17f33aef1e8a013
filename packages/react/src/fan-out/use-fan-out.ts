'use client';

import { createFanOutStore, type FanOutState, type FanOutStoreOptions, type StreamCandidate } from '@rill/core';
import { useGatedStore } from '../lifecycle/use-gated-store.js';

export interface UseFanOutOptions extends Omit<FanOutStoreOptions, 'candidates'> {
  /** Start on mount (once, also under StrictMode). Default false: call `start()`. */
  autoStart?: boolean | undefined;
}

/** Every source's live state plus the controls. */
export interface UseFanOutResult extends FanOutState {
  /** Starts every candidate (restarting a running fan-out). */
  start(): void;
  /** Aborts every source still running; each ends `aborted`, keeping what arrived. */
  stop(): void;
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
  const { onFinish, throttle, autoStart } = options;
  const storeOptions: FanOutStoreOptions = { candidates, ...(throttle !== undefined && { throttle }), onFinish };
  const { state, store } = useGatedStore(
    createFanOutStore,
    storeOptions,
    autoStart === true ? (s) => s.start() : undefined,
  );
  return { ...state, start: store.start, stop: store.stop };
}
