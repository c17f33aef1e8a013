import { RillError, abortedError, isRillError } from '../errors.js';
import { readSSEChunks } from '../sse/read-sse.js';
import type { SSEEvent } from '../sse/sse-decoder.js';
import { backoffDelay } from './backoff.js';
import { haltOn, timerMs } from './deadline.js';
import { ResumePosition } from './resume-position.js';
import { parseRetryAfter } from './retry-after.js';
import { END_EVENT, RUN_EVENT, parseRunEvent, runEndError, type RunInfo } from './run-announcement.js';
import { sleep } from './sleep.js';
import { DEFAULT_IDLE_TIMEOUT_MS, type StreamSSEOptions } from './stream-sse-options.js';
import { interruptedError, networkError, responseFailure, stallError } from './transport-errors.js';

export type { ReconnectInfo, ResumeTarget, RetryOptions, StreamSSEOptions } from './stream-sse-options.js';

// Retry-After, RetryInfo and `retry:` come from the server; one hour would look like a hang, so waits stop at a minute.
const MAX_WAIT_MS = 60_000;
// A server's `retry: 0` or `Retry-After: 0`, or a jitter near zero, must not turn a flapping stream into a request storm.
const MIN_WAIT_MS = 250;
// Header values are Latin-1 without NUL/CR/LF and lose surrounding blanks: such an id would throw or arrive changed.
const UNSENDABLE_ID = /[\0\r\n\u0100-\uffff]|^[\t ]|[\t ]$/;

/**
 * Streams the SSE events of an HTTP request, retrying and resuming safely.
 *
 * The method is POST when there is a body, else GET; `accept: text/event-stream` is added unless
 * set. Until a 2xx event-stream response arrives, network errors, stalls and 408/409/425/429/5xx
 * are retried with full-jitter backoff (Retry-After wins, else Gemini's RetryInfo in a JSON error
 * body). Once it has arrived the request is never re-sent: a dropped or stalled stream is resumed
 * with `Last-Event-ID` only at a resume target (the `resume` option, else the one a `rill-run`
 * event announces; docs/resumable-runs.md), else iteration ends with an `interrupted` error after
 * every event that arrived; with `lastEventId` the first request is already such a resume (a
 * re-attach after a reload). `rill-run` and `rill-end` are consumed, never yielded; `rill-end` ends
 * the iteration (`done`) or throws its error. Reconnects are bounded (`retry.maxReconnects`), and
 * so is silence (`idleTimeoutMs`, default 60 s) and, if set, the whole stream (`deadlineMs`).
 * Errors are {@link RillError}s thrown from the iterator; aborting `signal` throws `aborted` at
 * once and closes the connection. The body must be re-sendable (not a stream).
 *
 * @example
 * for await (const event of streamSSE('/api/chat', { body: JSON.stringify({ prompt }), signal, deadlineMs: 300_000 })) {
 *   console.log(event.event, event.data);
 * }
 */
export async function* streamSSE(url: string, opts: StreamSSEOptions = {}): AsyncGenerator<SSEEvent, void, undefined> {
  const {
    retry,
    idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS,
    deadlineMs,
    resume,
    lastEventId,
    fetch: doFetch = fetch,
    onOpen,
    onReconnect,
    onRun,
    signal,
    maxLineLength,
    maxEventLength,
    ...init
  } = opts;
  const { maxAttempts = 5, maxReconnects = 10, baseDelayMs = 1000, maxDelayMs = 30_000 } = retry || {};
  const limit = retry === false ? 1 : maxAttempts;
  const budget = retry === false ? 0 : maxReconnects;
  const floorMs = Math.min(MIN_WAIT_MS, baseDelayMs);
  const idleMs = timerMs(idleTimeoutMs);
  const method = init.method ?? (init.body == null ? 'GET' : 'POST');
  const headers = new Headers(init.headers);
  if (!headers.has('accept')) headers.set('accept', 'text/event-stream');

  // A 2xx event stream arrived (or the caller begins at a resume): from here on re-sending would start a second generation.
  let started = lastEventId !== undefined;
  let lastId = lastEventId ?? '';
  let announced: RunInfo | undefined;
  let ended = false; // a `rill-end` arrived: what it says is final, never retried
  let serverRetryMs: number | undefined;
  let retryAfterMs: number | undefined;
  let failures = 0;
  let reconnects = 0;
  const position = new ResumePosition();
  const unsendable = unsendableId(lastId);
  if (unsendable)
    throw new RillError({ kind: 'interrupted', message: `Cannot resume: ${unsendable}`, retryable: true });
  // The caller's abort or the deadline: ends everything at once, never retried.
  const halt = haltOn(signal, deadlineMs);
  const haltError = (): RillError =>
    isRillError(halt.signal.reason) ? halt.signal.reason : abortedError('request', signal?.reason);

  async function* connect(): AsyncGenerator<SSEEvent, void, undefined> {
    if (halt.signal.aborted) throw haltError();
    const resuming = started;
    const target = resuming ? (resume?.url ?? announced?.resumeUrl ?? url) : url;
    const verb = resuming ? (resume?.method ?? 'GET') : method;
    if (resuming) {
      headers.set('last-event-id', lastId);
      position.reconnect();
    }
    const ctl = new AbortController();
    let failure: RillError | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Aborting `ctl` cancels the request, or readSSE's reader (which settles a pending read at once, whatever fetch is in use).
    const stop = (error: RillError) => {
      failure ??= error;
      ctl.abort(error);
    };
    const onHalt = () => stop(haltError());
    const arm = () => {
      clearTimeout(timer);
      if (idleMs !== undefined) timer = setTimeout(() => stop(stallError(idleMs)), idleMs);
    };
    halt.signal.addEventListener('abort', onHalt);
    try {
      arm();
      retryAfterMs = undefined;
      const body = /^(get|head)$/i.test(verb) ? undefined : init.body;
      const response = await doFetch(target, { ...init, method: verb, headers, body, signal: ctl.signal }).catch(
        (cause: unknown) => {
          throw failure ?? networkError(`Request to ${target} failed`, cause);
        },
      );
      const bad = await responseFailure(response);
      retryAfterMs = parseRetryAfter(response.headers.get('retry-after')) ?? bad?.retryDelayMs;
      if (failure) throw failure;
      if (bad) throw bad.error;
      started = true;
      onOpen?.(response);
      if (!response.body) return;
      // The idle timer runs only while a read waits (heartbeats count), never while the consumer holds an event.
      const chunks = readSSEChunks(response.body, {
        signal: ctl.signal,
        maxLineLength,
        maxEventLength,
        onRetry: (ms) => (serverRetryMs = ms),
        onWait: (waiting) => (waiting ? arm() : clearTimeout(timer)),
      });
      try {
        for await (const events of chunks) {
          for (const event of events) {
            if (failure) throw failure; // aborted while the consumer held an earlier event of this chunk
            if (event.event === RUN_EVENT) {
              announced = parseRunEvent(event.data, response.url || target);
              lastId = event.id;
              onRun?.(announced, event.id);
              continue;
            }
            if (event.event === END_EVENT) {
              ended = true;
              const end = runEndError(event.data);
              if (end) throw end;
              return;
            }
            if (!position.take(event.id)) continue; // replayed by the server after a resume
            lastId = event.id; // an empty `id:` resets it: the server says there is nothing to resume from
            failures = 0;
            yield event;
          }
        }
      } catch (error) {
        // A stall, the caller's abort or the deadline stopped the read: that is the failure, not readSSE's `aborted`.
        throw failure ?? error;
      }
      if (failure) throw failure;
      // Once a run is announced only `rill-end` ends it: a clean close (a proxy's timeout) is a drop.
      if (announced) throw networkError('Connection lost', 'closed before the run ended');
    } finally {
      clearTimeout(timer);
      halt.signal.removeEventListener('abort', onHalt);
    }
  }

  // Why a stream that broke after it started cannot be resumed; re-sending the request would start a second, billed generation.
  const noResume = (): string | undefined => {
    if (!resume && !announced && lastEventId === undefined)
      return 'no resume target (the server announced none and the resume option is not set)';
    if (!lastId) return 'no event id to resume from';
    return unsendableId(lastId);
  };

  try {
    for (;;) {
      try {
        yield* connect();
        return;
      } catch (error) {
        if (halt.signal.aborted) throw haltError();
        if (ended || !(error instanceof RillError)) throw error;
        if (started && error.kind === 'http' && (error.status === 404 || error.status === 410))
          throw interruptedError(error, 'the run can no longer be resumed');
        if (!error.retryable) throw error;
        const why = started ? noResume() : undefined;
        if (why) throw interruptedError(error, why);
        if (++failures >= limit || reconnects >= budget)
          throw started ? interruptedError(error, `gave up after ${reconnects} reconnects`) : error;
        reconnects++;
        const wantedMs =
          retryAfterMs ?? (started ? serverRetryMs : undefined) ?? backoffDelay(failures - 1, baseDelayMs, maxDelayMs);
        const delayMs = Math.min(MAX_WAIT_MS, Math.max(floorMs, wantedMs));
        onReconnect?.({ attempt: failures + 1, maxAttempts: limit, delayMs, error: error.toValue() });
        await sleep(delayMs, halt.signal);
      }
    }
  } finally {
    halt.dispose();
  }
}

/** Why `id` cannot travel in a Last-Event-ID header, if it cannot. */
function unsendableId(id: string): string | undefined {
  return UNSENDABLE_ID.test(id)
    ? `the last event id ${JSON.stringify(id.slice(0, 100))} cannot be sent in a Last-Event-ID header`
    : undefined;
}
