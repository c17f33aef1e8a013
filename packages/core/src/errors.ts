/**
 * Every failure Rill reports is a value of this shape: a `kind` from the set below, a message
 * for humans, the HTTP status where there was one, and whether trying again can help.
 *
 * | kind              | meaning                                                                 | retryable |
 * |-------------------|-------------------------------------------------------------------------|-----------|
 * | `network`         | fetch failed before a response (offline, DNS, connection reset)         | yes       |
 * | `http`            | the server answered with a non-2xx status (`status` is set)             | 408/409/425/429/5xx |
 * | `content-type`    | a 2xx answer that is not `text/event-stream` (message quotes the body)  | no        |
 * | `stall`           | no byte (heartbeats count) for `idleTimeoutMs` (default 60 s)           | yes       |
 * | `deadline`        | still running when `deadlineMs` passed (retries and resumes included)   | yes       |
 * | `interrupted`     | the stream broke after events flowed and could not be resumed           | yes       |
 * | `aborted`         | the caller aborted (`AbortSignal`, `stop()`)                             | no        |
 * | `malformed-event` | a provider payload that is not what the provider documents (quoted)     | no        |
 * | `provider`        | the provider sent an error event or error payload                       | per provider |
 * | `circuit-open`    | `race` skipped every candidate: each circuit breaker is cooling down    | yes       |
 * | `invalid-output`  | structured output is not valid JSON or breaks its schema (quoted path)  | yes       |
 * | `invalid-request` | a conversation no provider request can carry (e.g. a BigInt in history) | no        |
 * | `persistence`     | saving a conversation failed (storage quota); the chat carries on      | yes       |
 * | `too-large`       | an event-stream line or event passed `maxLineLength` / `maxEventLength`; reading stopped | no |
 */
export type RillErrorKind = (typeof RILL_ERROR_KINDS)[number];

// The kinds as a value too: an error that crossed the wire (a relay's `rill-end`) is checked against them.
const RILL_ERROR_KINDS = [
  'network',
  'http',
  'content-type',
  'stall',
  'deadline',
  'interrupted',
  'aborted',
  'malformed-event',
  'provider',
  'circuit-open',
  'invalid-output',
  'invalid-request',
  'persistence',
  'too-large',
] as const;

/** True for one of the documented kinds. @example isRillErrorKind('stall'); // true */
export function isRillErrorKind(value: unknown): value is RillErrorKind {
  return (RILL_ERROR_KINDS as readonly unknown[]).includes(value);
}

/** The plain-data shape of an error, as stored on a `Message` and sent across boundaries. */
export interface RillErrorValue {
  kind: RillErrorKind;
  message: string;
  status?: number;
  retryable: boolean;
}

/**
 * The error Rill throws from its iterators: an `Error` (so it has a stack) that is also a
 * {@link RillErrorValue}.
 *
 * @example
 * try { for await (const e of streamSSE(url, opts)) use(e); }
 * catch (err) { if (isRillError(err) && err.retryable) showRetry(err.message); }
 */
export class RillError extends Error implements RillErrorValue {
  readonly kind: RillErrorKind;
  readonly status?: number;
  readonly retryable: boolean;

  constructor(value: RillErrorValue, options?: { cause?: unknown }) {
    super(value.message, options);
    this.name = 'RillError';
    this.kind = value.kind;
    if (value.status !== undefined) this.status = value.status;
    this.retryable = value.retryable;
  }

  /** The plain-data form, e.g. for `Message.error`. */
  toValue(): RillErrorValue {
    return {
      kind: this.kind,
      message: this.message,
      ...(this.status !== undefined && { status: this.status }),
      retryable: this.retryable,
    };
  }
}

// The brand `isRillError` checks: `Symbol.for` is shared by every copy of @rill/core loaded in a page, where `instanceof` is not.
const BRAND = Symbol.for('rill.error');
Object.defineProperty(RillError.prototype, BRAND, { value: true });

/**
 * True for errors Rill threw, whichever installed copy of `@rill/core` threw them (they carry a `Symbol.for('rill.error')` brand).
 *
 * @example if (isRillError(e) && e.kind === 'aborted') return;
 */
export function isRillError(value: unknown): value is RillError {
  return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
}

const ABORTED = {
  stream: 'The stream was aborted.',
  stopped: 'The stream was stopped.',
  request: 'The request was aborted',
  reading: 'Reading the event stream was aborted',
} as const;

/**
 * The `aborted` error (never retryable); `what` names what was aborted, `cause` is kept (a signal's reason).
 *
 * @example if (signal.aborted) throw abortedError('request', signal.reason);
 */
export function abortedError(what: keyof typeof ABORTED = 'stream', cause?: unknown): RillError {
  return new RillError({ kind: 'aborted', message: ABORTED[what], retryable: false }, { cause });
}

/**
 * The `interrupted` error of a stream that stopped without `done` or `error` (the body ended before the provider's end).
 *
 * @example acc.end(endedEarlyError().toValue());
 */
export function endedEarlyError(): RillError {
  return new RillError({
    kind: 'interrupted',
    message: 'The stream ended before the provider finished it.',
    retryable: true,
  });
}

/** Where a stream was when something threw: before its source delivered anything, or while reading it. */
export type StreamPhase = 'connecting' | 'reading';

/**
 * A caught throw as an error value: Rill's own errors (from any copy) keep their kind, an
 * `AbortError` is `aborted`, and anything else is `network` while `connecting` (fetch's TypeError)
 * or `interrupted` while `reading` (the body broke).
 *
 * @example errorValueOf(new TypeError('Failed to fetch'), 'connecting'); // { kind: 'network', message: 'Failed to fetch', retryable: true }
 */
export function errorValueOf(err: unknown, phase: StreamPhase): RillErrorValue {
  if (isRillError(err))
    return {
      kind: err.kind,
      message: err.message,
      ...(err.status !== undefined && { status: err.status }),
      retryable: err.retryable,
    };
  if (err instanceof Error && err.name === 'AbortError') return abortedError().toValue();
  const message = err instanceof Error ? err.message : String(err);
  return { kind: phase === 'connecting' ? 'network' : 'interrupted', message, retryable: true };
}
