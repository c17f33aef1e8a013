/** What `whenState` watches: any store with a snapshot and a subscribe (stream store, chat controller, …). */
export interface Watched<S> {
  getSnapshot(): S;
  subscribe(listener: () => void): () => void;
}

/**
 * Resolves with the first state of `store` (the current one included) for which `test` holds.
 *
 * @example
 * const done = await whenState(store, (state) => state.status === 'done');
 */
export function whenState<S>(store: Watched<S>, test: (state: S) => boolean): Promise<S> {
  return new Promise((resolve) => {
    const check = (): void => {
      const state = store.getSnapshot();
      if (!test(state)) return;
      unsubscribe();
      resolve(state);
    };
    const unsubscribe = store.subscribe(check);
    check();
  });
}
