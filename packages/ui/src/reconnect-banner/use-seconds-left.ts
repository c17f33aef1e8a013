'use client';

import { useEffect, useState } from 'react';

/**
 * Whole seconds until `at` (ms since the epoch), re-rendering once a second until it is reached.
 *
 * @example
 * const left = useSecondsLeft(reconnect.nextRetryAt); // 3, 2, 1, 0
 */
export function useSecondsLeft(at: number): number {
  const [now, setNow] = useState(() => Date.now());
  const left = Math.max(0, Math.ceil((at - now) / 1000));
  useEffect(() => {
    if (left === 0) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, at - Date.now() - (left - 1) * 1000));
    return () => clearTimeout(timer);
  }, [at, left]);
  return left;
}
