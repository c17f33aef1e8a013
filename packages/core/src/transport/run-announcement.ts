import { RillError, isRillErrorKind } from '../errors.js';

/** The event a server sends first on every response of a run (docs/resumable-runs.md). */
export const RUN_EVENT = 'rill-run';
/** The event a server sends last in a run. */
export const END_EVENT = 'rill-end';

/** What a `rill-run` event announces, its URLs made absolute. */
export interface RunInfo {
  runId: string;
  /** `GET` it with `Last-Event-ID` to pick the run up again. */
  resumeUrl: string;
  /** `POST` to it (as the run's owner) to stop the generation upstream. */
  stopUrl: string;
}

const END_STATUSES = new Set(['done', 'aborted', 'error', 'interrupted']);

const malformed = (what: string, data: string): RillError =>
  new RillError({
    kind: 'malformed-event',
    message: `A ${what} event that is not what docs/resumable-runs.md describes: ${data.slice(0, 200)}`,
    retryable: false,
  });

/**
 * The run a `rill-run` event announces, its `resume` and `stop` URLs resolved against `base` (the
 * response's URL, so a load balancer in front of several servers stays in the path). Throws a
 * `malformed-event` RillError when the data is not `{ runId, resume, stop }` strings, or when a URL
 * leads to another origin than the response's: a resume carries the request's headers (credentials
 * included), and a stream must not be able to send them elsewhere.
 *
 * @example
 * parseRunEvent('{"runId":"r1","resume":"/runs/r1","stop":"/runs/r1/stop"}', 'https://api.test/chat');
 * // { runId: 'r1', resumeUrl: 'https://api.test/runs/r1', stopUrl: 'https://api.test/runs/r1/stop' }
 */
export function parseRunEvent(data: string, base: string): RunInfo {
  const run = parseObject(data);
  const { runId, resume, stop } = run ?? {};
  const [resumeUrl, stopUrl] = [resume, stop].map((ref) =>
    typeof ref === 'string' ? resolveUrl(ref, base) : undefined,
  );
  if (typeof runId !== 'string' || resumeUrl === undefined || stopUrl === undefined) throw malformed(RUN_EVENT, data);
  return { runId, resumeUrl, stopUrl };
}

/**
 * How a `rill-end` event ends the iteration: `undefined` for `done`, else the error to throw
 * (`aborted`; for `error` and `interrupted` the `error` object's kind when it names one, else
 * `provider` and `interrupted`). Throws a `malformed-event` RillError for an unknown status.
 *
 * @example
 * runEndError('{"status":"done"}'); // undefined
 * runEndError('{"status":"error","error":{"kind":"provider","message":"overloaded","retryable":true}}'); // RillError provider
 */
export function runEndError(data: string): RillError | undefined {
  const end = parseObject(data);
  const status = end?.status;
  if (typeof status !== 'string' || !END_STATUSES.has(status)) throw malformed(END_EVENT, data);
  if (status === 'done') return undefined;
  const error = typeof end?.error === 'object' && end.error !== null ? (end.error as Record<string, unknown>) : {};
  const fallback = status === 'aborted' ? 'aborted' : status === 'error' ? 'provider' : 'interrupted';
  const kind = status !== 'aborted' && isRillErrorKind(error.kind) ? error.kind : fallback;
  const message = typeof error.message === 'string' ? error.message : `The run ended with status ${status}`;
  const retryable = typeof error.retryable === 'boolean' ? error.retryable : kind === 'interrupted';
  return new RillError({ kind, message, retryable, ...(typeof error.status === 'number' && { status: error.status }) });
}

function parseObject(data: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `ref` made absolute against `base` (itself resolved against the page, where there is one), or
 * `undefined` when it leads to another origin; `ref` as given when neither is absolute and it is relative.
 */
function resolveUrl(ref: string, base: string): string | undefined {
  try {
    const from = new URL(base, globalThis.location?.href);
    const url = new URL(ref, from);
    return url.origin === from.origin ? url.href : undefined;
  } catch {
    return /^([a-z][a-z\d+.-]*:|[\\/]{2})/i.test(ref.trim()) ? undefined : ref;
  }
}
