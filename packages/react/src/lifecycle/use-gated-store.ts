'use client';

import type { RillErrorValue } from '@rill/core';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { createCommitGate, type CommitGate } from './commit-gate.js';
import { useOwnedLifecycle, type Owned } from './use-owned-lifecycle.js';

/** The end-of-stream callbacks a store's options may carry. */
export interface EndCallbacks<S> {
  onFinish?(state: S): void;
  onError?(error: RillErrorValue): void;
}

/** A framework-free store a hook owns: external-store subscription plus replaceable options. */
export interface GatedStore<S, O> extends Owned {
  subscribe(listener: () => void): () => void;
  getSnapshot(): S;
  /** The snapshot a server renders and hydration starts from, where it differs (a chat restored from storage). */
  getServerSnapshot?(): S;
  setOptions(options: O): void;
}

/**
 * The options with `onError` then `onFinish` moved behind the gate, so they run after the final
 * state's commit. Whether `onError` runs is the store's call (core's `reportEnd`): the gate only delays it.
 */
function gateEndCallbacks<S extends { status: string; error?: RillErrorValue }, O extends EndCallbacks<S>>(
  options: O,
  gate: CommitGate<S>,
): O {
  const { onFinish, onError } = options;
  // The store reports onError just before onFinish: it is held and called with it, after the commit.
  let reported: RillErrorValue | undefined;
  return {
    ...options,
    onError: (error: RillErrorValue) => (reported = error),
    onFinish: (state: S) => {
      const error = reported;
      reported = undefined;
      gate.after(state, () => {
        if (error !== undefined) onError?.(error);
        onFinish?.(state);
      });
    },
  };
}

/**
 * Creates a store once per mount, keeps its options current, subscribes the component to it and
 * holds `onFinish`/`onError` until React has committed the final state; shared by the hooks over core's stores.
 *
 * @example
 * const { state, store } = useGatedStore(createFanOutStore, { candidates, onFinish }, (s) => s.start());
 */
export function useGatedStore<S extends { status: string; error?: RillErrorValue }, O extends EndCallbacks<S>, T>(
  create: (options: O) => T & GatedStore<S, O>,
  options: O,
  onFirstMount?: (store: T) => void,
): { state: S; store: T } {
  const [gate] = useState(() => createCommitGate<S>());
  const [store] = useState(() => create(gateEndCallbacks(options, gate)));
  useEffect(() => store.setOptions(gateEndCallbacks(options, gate)));
  useOwnedLifecycle(store, onFirstMount === undefined ? undefined : () => onFirstMount(store));
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getServerSnapshot ?? store.getSnapshot);
  useEffect(() => gate.committed(state), [gate, state]);
  return { state, store };
}
