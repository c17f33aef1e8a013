import { useSyncExternalStore } from 'react';

/** A value shared by several pages (the armed fault, the metrics log) that React subscribes to. */
export interface ExternalStore<T> {
  get(): T;
  set(next: T): void;
  subscribe(listener: () => void): () => void;
}

/**
 * Creates a subscribable value; `set` replaces it and notifies.
 *
 * @example const count = createExternalStore(0); count.set(count.get() + 1);
 */
export function createExternalStore<T>(initial: T): ExternalStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Reads an external store in a component, re-rendering when it changes.
 *
 * @example const armed = useExternalStore(faults);
 */
export function useExternalStore<T>(store: ExternalStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
