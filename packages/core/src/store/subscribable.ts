/** A set of listeners: the base of every subscribable thing in Rill (stores, the circuit breaker). */
export interface Listeners {
  /** Adds `listener`; returns the function that removes it. */
  subscribe(listener: () => void): () => void;
  /** Calls every listener subscribed when it starts (one added or removed meanwhile is neither skipped twice nor called). */
  notify(): void;
  /** How many listeners are subscribed. */
  readonly size: number;
}

/**
 * Creates a listener set, in the spirit of TanStack Query's `Subscribable`.
 *
 * @example const listeners = createListeners(); const off = listeners.subscribe(render); listeners.notify(); off();
 */
export function createListeners(): Listeners {
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    notify() {
      for (const listener of [...listeners]) listener();
    },
    get size() {
      return listeners.size;
    },
  };
}

/** A listener set plus one immutable snapshot: what `useSyncExternalStore` (or anything) reads a store through. */
export interface SnapshotStore<S> {
  subscribe(listener: () => void): () => void;
  /** The current snapshot: the same object until the next `publish` or `replace`. */
  getSnapshot(): S;
  /** Replaces the snapshot, then notifies every listener. */
  publish(next: S): void;
  /** Replaces the snapshot without notifying anyone (a disposed store's last state). */
  replace(next: S): void;
}

/**
 * Creates the snapshot store every Rill store is built from, in the spirit of zustand's vanilla store.
 *
 * @example const kernel = createSnapshotStore({ status: 'idle' }); kernel.subscribe(() => render(kernel.getSnapshot())); kernel.publish({ status: 'done' });
 */
export function createSnapshotStore<S>(initial: S): SnapshotStore<S> {
  const listeners = createListeners();
  let snapshot = initial;
  return {
    subscribe: listeners.subscribe,
    getSnapshot: () => snapshot,
    publish(next) {
      snapshot = next;
      listeners.notify();
    },
    replace(next) {
      snapshot = next;
    },
  };
}
