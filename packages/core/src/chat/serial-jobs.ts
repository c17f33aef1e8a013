/** Runs a chat's operations one at a time, in order, in the spirit of AI SDK's SerialJobExecutor. */
export interface SerialJobs {
  /** Runs `job` now, or, when called from inside a running job (a listener or callback calling back in), right after it. */
  run(job: () => void): void;
  /** Drops the jobs still waiting (the controller is disposed). */
  clear(): void;
}

/**
 * Creates a serial job runner: an operation never starts inside another (a `send` from an
 * `onFinish` that a `stop` reports waits until the stop is done).
 *
 * @example const jobs = createSerialJobs(); jobs.run(() => stopTurn()); // sync when nothing runs
 */
export function createSerialJobs(): SerialJobs {
  const queue: (() => void)[] = [];
  let running = false;
  return {
    run(job) {
      queue.push(job);
      if (running) return;
      running = true;
      // Every waiting job runs even when one throws; the caller gets the first error, after them.
      let failure: { error: unknown } | undefined;
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        try {
          next();
        } catch (error) {
          failure ??= { error };
        }
      }
      running = false;
      if (failure !== undefined) throw failure.error;
    },
    clear() {
      queue.length = 0;
    },
  };
}
