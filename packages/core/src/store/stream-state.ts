import type { RillErrorValue } from '../errors.js';
import type { Message } from '../message/types.js';
import type { StreamMetrics } from '../metrics/stream-metrics.js';
import type { ReconnectReason } from './reconnect-reason.js';
import type { RunHandle } from './run-handle.js';

/**
 * Where a stream is: `idle` before `start()`; `connecting` until the response arrives;
 * `streaming`; `reconnecting` while a retry or resume waits; then one final status: `done`
 * (terminator seen), `interrupted` (the connection dropped and could not be resumed), `error`,
 * or `aborted` (`stop()` was called, which a dropped connection never gives).
 */
export type StreamStatus =
  'idle' | 'connecting' | 'streaming' | 'reconnecting' | 'done' | 'interrupted' | 'error' | 'aborted';

/** The reconnect the transport is waiting to make. */
export interface ReconnectState {
  /** The number of the request about to be made (2 for the first retry). */
  attempt: number;
  maxAttempts: number;
  /** When it will be made, in ms since the epoch (`Date.now()` clock). */
  nextRetryAt: number;
  /** Why it waits: a 429 shows as `rate-limit`, whose wait is the server's Retry-After. */
  reason: ReconnectReason;
  /** The HTTP status of the failed request, when it had one. */
  status?: number;
}

/** One immutable snapshot of a stream store; a new object only when something changed. */
export interface StreamState {
  status: StreamStatus;
  /** The message so far; absent before the first `start()`. */
  message?: Message;
  /** The message's text parts joined. */
  text: string;
  error?: RillErrorValue;
  metrics?: StreamMetrics;
  /** Set while `status` is `reconnecting`. */
  reconnect?: ReconnectState;
  /**
   * The run the server announced (`rill-run`), until the stream ends: `stop()` stops it upstream, and
   * kept with `message` it lets a reloaded page re-attach (`attach(run, message)`).
   */
  run?: RunHandle;
}

const FINAL: ReadonlySet<StreamStatus> = new Set(['done', 'interrupted', 'error', 'aborted']);

/**
 * True for the statuses a stream ends in.
 *
 * @example if (isFinalStatus(store.getSnapshot().status)) showRetry();
 */
export function isFinalStatus(status: StreamStatus): boolean {
  return FINAL.has(status);
}

/**
 * The text parts of a message joined (the single part itself when there is one, so no copy is made).
 *
 * @example messageText({ role: 'assistant', status: 'done', parts: [{ type: 'text', text: 'Hi' }] }); // 'Hi'
 */
export function messageText(message: Message | undefined): string {
  if (message === undefined) return '';
  let text: string | undefined;
  for (const part of message.parts) {
    if (part.type !== 'text') continue;
    text = text === undefined ? part.text : text + part.text;
  }
  return text ?? '';
}
