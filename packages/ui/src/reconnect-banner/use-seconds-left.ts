'use client';

import { useEffect, useState } from 'react';

/**
 * Whole seconds until `at` (ms since the epoch), re-rendering once a second until it is reached;
 * never negative, and 0 for an `at` that is no finite number.
 *
 * @example
 * const left = useSecondsLeft(reconnect.nextRetryAt); // 3, 2, 1, 0
 */
export function useSecondsLeft(at: number): number {
  const [now, setNow] = useState(() => Date.now());
  const left = Number.isFinite(at) ? Math.max(0, Math.ceil((at - now) / 1000)) : 0;
  useEffect(() => {
    if (left === 0) return;
    // Timers round a fractional delay down and may fire early: a tick that leaves `left` unchanged schedules the next (`now` is a dependency).
    const timer = setTimeout(() => setNow(Date.now()), Math.max(1, Math.ceil(at - Date.now() - (left - 1) * 1000)));
    return () => clearTimeout(timer);
  }, [at, left, now]);
  return left;
}
