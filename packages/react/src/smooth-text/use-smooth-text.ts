'use client';

import { isFinalStatus, type StreamStatus } from '@rill/core';
import { useEffect, useRef, useState } from 'react';
import { usePrefersReducedMotion } from './reduced-motion.js';
import { createRevealPace, type RevealPaceOptions } from './reveal-pace.js';

export interface SmoothTextOptions extends RevealPaceOptions {
  /** The stream's status: anything but `streaming`/`reconnecting`/`connecting` shows the whole text at once. */
  status: StreamStatus;
}

const now = (): number => globalThis.performance.now();

// A frame where there are frames; a timer elsewhere (looked up when needed, never at import).
function nextFrame(callback: () => void): () => void {
  if (typeof globalThis.requestAnimationFrame === 'function') {
    const id = globalThis.requestAnimationFrame(callback);
    return () => globalThis.cancelAnimationFrame(id);
  }
  const id = setTimeout(callback, 16);
  return () => clearTimeout(id);
}

/**
 * Reveals streamed text at a pace that follows its recent arrival rate, so chunky batches read
 * smoothly; it never lags more than `maxLagMs`, shows everything at once when the stream ends,
 * and is off under `prefers-reduced-motion`. A text shorter than the last one is a new stream and is
 * revealed from the start, as is any text that does not continue the one before it.
 *
 * @example
 * function Answer() {
 *   const { text, status } = useStream({ url: '/api/story', autoStart: true });
 *   const smooth = useSmoothText(text, { status, maxLagMs: 250 });
 *   return <p>{smooth}</p>;
 * }
 */
export function useSmoothText(text: string, options: SmoothTextOptions): string {
  const { status, maxLagMs, minCharsPerSecond } = options;
  const reduced = usePrefersReducedMotion();
  const live = !isFinalStatus(status) && status !== 'idle' && !reduced;
  const [pace] = useState(() => createRevealPace({ maxLagMs, minCharsPerSecond }));
  const [shown, setShown] = useState(text.length);
  const [seen, setSeen] = useState(text);
  // A text that does not continue the last one is a new stream: reveal it from zero (set during render, so no frame shows it whole).
  if (text !== seen) {
    setSeen(text);
    if (!text.startsWith(seen)) setShown(0);
  }
  const paced = useRef(text);
  // The tick reads the count here, not in an updater: pace.next keeps state and StrictMode calls updaters twice.
  const onScreen = useRef(shown);
  // After every commit, so a restart set during render resets it too.
  useEffect(() => {
    onScreen.current = shown;
  });

  useEffect(() => {
    pace.arrived(text.length, now(), !text.startsWith(paced.current));
    paced.current = text;
  }, [pace, text]);

  useEffect(() => {
    if (!live) return undefined;
    let cancel = (): void => undefined;
    const tick = (): void => {
      const next = pace.next(Math.min(onScreen.current, text.length), now());
      onScreen.current = next;
      setShown(next);
      cancel = nextFrame(tick);
    };
    cancel = nextFrame(tick);
    return () => cancel();
  }, [live, pace, text]);

  if (!live) return text;
  return text.slice(0, Math.min(shown, text.length));
}
