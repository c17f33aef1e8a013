/** What the page measures itself while a variant streams (the runner adds CDP's main-thread time and heap). */
export interface PageProbe {
  /** React commits of the measured tree (Profiler onRender). */
  commits: number;
  /** Animation frames painted while streaming. */
  frames: number;
  /**
   * Most commits between two animation frames while streaming: frames up to the one showing the
   * first token (mount, the request going out) and the last (the final state, published at once) are left out.
   */
  maxCommitsPerFrame: number;
  /** Frames in which React committed more than once, first and last included. */
  framesOverOneCommit: number;
  /** Tasks over 50 ms (PerformanceObserver 'longtask'). */
  longTasks: number;
  longestTaskMs: number;
  wallMs: number;
}

/**
 * Starts counting frames, commits per frame and long tasks; `stop()` returns the totals.
 *
 * @example const probe = startProbe(); render(<Profiler id="x" onRender={probe.onCommit}>…</Profiler>); later probe.stop();
 */
export function startProbe(): { onCommit(): void; onFirstToken(): void; stop(): PageProbe } {
  const started = performance.now();
  let commits = 0;
  let inFrame = 0;
  let frames = 0;
  let maxCommitsPerFrame = 0;
  let framesOverOneCommit = 0;
  let longTasks = 0;
  let longestTaskMs = 0;
  let raf = 0;
  let streamingFrom = Infinity;

  const endFrame = (edge: boolean) => {
    if (!edge && frames >= streamingFrom) maxCommitsPerFrame = Math.max(maxCommitsPerFrame, inFrame);
    if (inFrame > 1) framesOverOneCommit += 1;
    inFrame = 0;
  };
  const tick = () => {
    frames += 1;
    endFrame(false);
    raf = requestAnimationFrame(tick);
  };
  raf = requestAnimationFrame(tick);

  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.startTime < started) continue;
      longTasks += 1;
      longestTaskMs = Math.max(longestTaskMs, entry.duration);
    }
  });
  observer.observe({ type: 'longtask', buffered: true });

  return {
    onCommit() {
      commits += 1;
      inFrame += 1;
    },
    onFirstToken() {
      // The frame that shows the first token still holds the request's own commits: count from the next one.
      streamingFrom = Math.min(streamingFrom, frames + 2);
    },
    stop() {
      cancelAnimationFrame(raf);
      endFrame(true);
      for (const entry of observer.takeRecords()) {
        if (entry.startTime < started) continue;
        longTasks += 1;
        longestTaskMs = Math.max(longestTaskMs, entry.duration);
      }
      observer.disconnect();
      return {
        commits,
        frames,
        maxCommitsPerFrame,
        framesOverOneCommit,
        longTasks,
        longestTaskMs,
        wallMs: performance.now() - started,
      };
    },
  };
}
