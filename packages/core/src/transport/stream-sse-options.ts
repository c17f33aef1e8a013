// streamSSE's options on their own, so stream-sse.ts reads as the policy alone.
import type { RillErrorValue } from '../errors.js';
import type { SSEDecoderOptions } from '../sse/index.js';
import type { RunInfo } from './run-announcement.js';

/** How failed connections are tried again; `maxAttempts` counts the first request too. */
export interface RetryOptions {
  /** Requests per failure streak, the first included (default 5). An event arriving resets the streak. */
  maxAttempts?: number | undefined;
  /** Reconnects (retries and resumes) per stream in all (default 10). Events give none back, so a stream that keeps dropping ends. */
  maxReconnects?: number | undefined;
  /** First backoff ceiling (default 1000 ms); it doubles per retry. No wait is shorter than this or 250 ms, whichever is lower. */
  baseDelayMs?: number | undefined;
  /** Highest backoff ceiling (default 30000 ms). */
  maxDelayMs?: number | undefined;
}

/** What `onReconnect` is told before each wait. */
export interface ReconnectInfo {
  /** The number of the request about to be made (2 for the first retry). */
  attempt: number;
  maxAttempts: number;
  /** How long Rill waits before that request. */
  delayMs: number;
  /** Why the previous request failed. */
  error: RillErrorValue;
}

/** Where a broken stream is picked up again: a request that answers the events after `Last-Event-ID`. */
export interface ResumeTarget {
  url: string;
  /** Default `GET`. A GET or HEAD sends no body; any other method sends the original body again. */
  method?: string | undefined;
}

/** The idle timeout when none is given: four of a relay's 15 s heartbeats, and room for a slow first token. */
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

/** `fetch` options plus what the transport adds; `maxLineLength` / `maxEventLength` cap the decoder (16 Mi code units each by default). */
export interface StreamSSEOptions extends RequestInit, SSEDecoderOptions {
  /** Retry policy, or `false` for a single request. */
  retry?: RetryOptions | false | undefined;
  /**
   * No byte (heartbeat comments count) for this long, before or after the response starts, is a
   * dropped connection (kind `stall`). Default 60000 ms; `0` or `Infinity` waits for ever. A model
   * that thinks in silence for longer (a direct provider, no relay heartbeats) needs more.
   */
  idleTimeoutMs?: number | undefined;
  /**
   * The whole stream, retries, waits and resumes included, must end within this many ms, else it
   * ends with a `deadline` error (heartbeats and a trickle cannot keep it alive). Default: none.
   */
  deadlineMs?: number | undefined;
  /**
   * Where a broken stream is resumed with `Last-Event-ID`; it wins over a target the server announces
   * (`rill-run`). Without either, the request is never sent again once a response started: only a
   * server that answers `Last-Event-ID` may be named, e.g. `{ url, method: 'POST' }` for one that
   * resumes the same POST statelessly.
   */
  resume?: ResumeTarget | undefined;
  /**
   * Begin as a resume instead of sending the request: the first request already carries
   * `Last-Event-ID: lastEventId` and goes to `url` with GET (or to `resume` with its method), which
   * stays the resume target; a 404 or 410 ends `interrupted`. For re-attaching to a run a server
   * announced (`rill-run`), e.g. after a page reload: `streamSSE(run.resumeUrl, { lastEventId })`.
   */
  lastEventId?: string | undefined;
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch | undefined;
  /** Called with each 2xx event-stream response, resumes included (e.g. for time-to-first-byte). */
  onOpen?: ((response: Response) => void) | undefined;
  /** Called before each wait for a retry or resume, rate-limit waits included. */
  onReconnect?: ((info: ReconnectInfo) => void) | undefined;
  /**
   * Called for each `rill-run` event (the first response and each resume), e.g. to keep the run for a
   * reload or to stop it; `eventId` is that event's id, the position the response continues after
   * (on the run's first response, its start).
   */
  onRun?: ((run: RunInfo, eventId: string) => void) | undefined;
}
