/** How often a store may notify: once per animation frame, or at most once per `ms` milliseconds. */
export type Throttle = 'frame' | number;

/** Runs one callback at most once per frame (or interval), however often it is requested. */
export interface FrameScheduler {
  /** Asks for a flush; requests before it runs coalesce into one. */
  request(): void;
  /** Runs the pending flush now, if any (the final state must never wait for a frame). */
  flush(): void;
  /** Drops the pending flush without running it. */
  cancel(): void;
}

// Hidden tabs run no frames: a timer makes sure state still moves, a few times a second.
const HIDDEN_FRAME_FALLBACK_MS = 250;
// Where there is no requestAnimationFrame (Node, workers without it), about one frame at 60 Hz.
const NO_FRAMES_INTERVAL_MS = 16;

/**
 * Creates the coalescing scheduler the stream store notifies through. Globals are looked up when
 * a flush is requested, never at import, so the module loads anywhere (SSR, workers, Node).
 *
 * @example
 * const scheduler = createFrameScheduler('frame', () => notifyListeners());
 * for (const part of parts) { apply(part); scheduler.request(); } // one notify next frame
 */
export function createFrameScheduler(throttle: Throttle, run: () => void): FrameScheduler {
  let frame: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const cancel = (): void => {
    if (frame !== undefined) globalThis.cancelAnimationFrame?.(frame);
    if (timer !== undefined) clearTimeout(timer);
    frame = undefined;
    timer = undefined;
  };
  const fire = (): void => {
    cancel();
    run();
  };
  const pending = (): boolean => frame !== undefined || timer !== undefined;

  return {
    request() {
      if (pending()) return;
      const raf = globalThis.requestAnimationFrame as typeof requestAnimationFrame | undefined;
      if (throttle !== 'frame') {
        timer = setTimeout(fire, throttle);
      } else if (typeof raf === 'function') {
        frame = raf(fire);
        timer = setTimeout(fire, HIDDEN_FRAME_FALLBACK_MS);
      } else {
        timer = setTimeout(fire, NO_FRAMES_INTERVAL_MS);
      }
    },
    flush() {
      if (pending()) fire();
    },
    cancel,
  };
}
