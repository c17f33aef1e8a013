import { timerMs } from './deadline.js';

/** How {@link stopRun} reaches the server: the app's own fetch, headers and credentials. */
export interface StopRunOptions {
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch | undefined;
  /** The app's headers (e.g. its `authorization`): a run can be stopped by its owner only. */
  headers?: HeadersInit | undefined;
  credentials?: RequestCredentials | undefined;
  /** Give up after this long (default 5000 ms); `0` or `Infinity` waits for ever. */
  timeoutMs?: number | undefined;
}

// A stop the server does not answer quickly will not help the user any more.
const STOP_TIMEOUT_MS = 5_000;

/**
 * Asks the server to stop a run it announced (`POST stopUrl`, docs/resumable-runs.md), so the
 * generation ends upstream and every follower gets `rill-end` `aborted`. Fire and forget: it
 * resolves `true` when the server accepted the stop (2xx), `false` when it refused, failed or did
 * not answer within `timeoutMs`, and never rejects.
 *
 * @example
 * void stopRun(run.stopUrl, { headers: { authorization: `Bearer ${token}` } });
 */
export async function stopRun(stopUrl: string, options: StopRunOptions = {}): Promise<boolean> {
  const { headers, credentials, timeoutMs = STOP_TIMEOUT_MS } = options;
  const controller = new AbortController();
  const ms = timerMs(timeoutMs);
  const timer = ms === undefined ? undefined : setTimeout(() => controller.abort(), ms);
  try {
    const doFetch = options.fetch ?? fetch;
    const response = await doFetch(stopUrl, {
      method: 'POST',
      headers,
      ...(credentials !== undefined && { credentials }),
      signal: controller.signal,
    });
    // Only the status matters: let the connection go.
    response.body?.cancel().catch(() => undefined);
    return response.ok;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
