'use client';

import { useState } from 'react';

const now = () => Date.now();

/**
 * Milliseconds from when `running` was first seen true to when it turned false; `undefined` until
 * then (or when it was never seen running).
 *
 * @example
 * const thoughtMs = useElapsed(message.status === 'streaming');
 */
export function useElapsed(running: boolean): number | undefined {
  const [span, setSpan] = useState<{ start?: number; end?: number }>(() => (running ? { start: now() } : {}));
  const [seen, setSeen] = useState(running);
  // Recorded while rendering the change (React's "adjust state on prop change"), not in an effect.
  if (running !== seen) {
    setSeen(running);
    if (running && span.start === undefined) setSpan({ start: now() });
    else if (!running && span.start !== undefined && span.end === undefined) setSpan({ start: span.start, end: now() });
  }
  return span.start !== undefined && span.end !== undefined ? span.end - span.start : undefined;
}
