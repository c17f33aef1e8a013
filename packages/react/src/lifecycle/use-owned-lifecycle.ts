'use client';

import { useEffect, useRef } from 'react';

/** Anything a hook creates once per mount and must tear down on unmount. */
export interface Owned {
  dispose(): void;
}

/**
 * Ties an owned store to the component: `onFirstMount` runs once (StrictMode's simulated
 * unmount and remount do not run it twice, so no second request), `dispose` runs on real unmount.
 *
 * @example
 * const [store] = useState(() => createStreamStore(options));
 * useOwnedLifecycle(store, options.autoStart ? store.start : undefined);
 */
export function useOwnedLifecycle(owner: Owned, onFirstMount: (() => void) | undefined): void {
  const alive = useRef(false);
  const started = useRef(false);
  const first = onFirstMount;
  useEffect(() => {
    alive.current = true;
    if (!started.current) {
      started.current = true;
      first?.();
    }
    return () => {
      alive.current = false;
      // StrictMode re-runs the effect synchronously after this cleanup: dispose only if it did not.
      queueMicrotask(() => {
        if (!alive.current) owner.dispose();
      });
    };
    // The first-mount action is read once, by design: later renders must not start again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [owner]);
}
