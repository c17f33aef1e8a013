/** Holds callbacks until React has committed the state they report. */
export interface CommitGate<S> {
  /** Tell the gate a render with `state` was committed; runs every callback waiting for it or an older state. */
  committed(state: S): void;
  /** Runs `callback` once `state` (or a later one) has been committed; at once if it already is. */
  after(state: S, callback: () => void): void;
}

/**
 * Creates a gate so that `onFinish` never runs before the final state is on screen: the store
 * publishes synchronously, React renders later, the gate waits for the effect of that render.
 *
 * @example
 * const gate = createCommitGate<StreamState>();
 * useEffect(() => gate.committed(state), [gate, state]);
 * const onFinish = (final: StreamState) => gate.after(final, () => user.onFinish?.(final));
 */
export function createCommitGate<S>(): CommitGate<S> {
  let last: { state: S } | undefined;
  let waiting: (() => void)[] = [];
  return {
    committed(state) {
      last = { state };
      const due = waiting;
      waiting = [];
      for (const callback of due) callback();
    },
    after(state, callback) {
      if (last !== undefined && last.state === state) callback();
      else waiting.push(callback);
    },
  };
}
