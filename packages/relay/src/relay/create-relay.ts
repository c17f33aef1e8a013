import type { ProviderName, RequestBody, RillError } from '@rill/core';
import type { EventLog } from '../log/event-log.js';
import { createMemoryEventLog } from '../log/memory-event-log.js';
import type { RequestPolicy } from '../policy/request-policy.js';
import { newRunId, RUN_ID_PATTERN } from '../run/run-id.js';
import { runResponse } from '../run/run-response.js';
import { startRun, type RunSupervisor } from '../run/start-run.js';
import { readCappedBody } from './read-body.js';
import { errorResponse } from './relay-errors.js';
import { matchRelayRoute, runUrls, type RelayRoute } from './routes.js';
import { DEFAULT_UPSTREAMS, KEY_VARIABLES, redact, upstreamFailure, upstreamRequest } from './upstream.js';

/** How a relay is set up. Only `provider` is required; the key comes from the environment unless given. */
export interface RelayOptions {
  provider: ProviderName;
  /** The provider's base URL, without its path (default: the provider's API); never taken from a request. */
  upstream?: string;
  /** Default: the provider's usual environment variable (ANTHROPIC_API_KEY, OPENAI_API_KEY, GEMINI_API_KEY). */
  apiKey?: string;
  /** Names the principal a request acts for, or `undefined` to refuse it (401). Required unless `allowAnonymous`. */
  authorize?: (request: Request) => string | undefined | Promise<string | undefined>;
  /** Serve without `authorize`: every request acts for the principal "anonymous", and a run id alone lets one follow or stop a run. */
  allowAnonymous?: boolean;
  /** Checks and rewrites each request before it goes upstream (see `requestPolicy`). */
  policy?: RequestPolicy;
  /** Largest request body accepted (default 1 MiB); a larger one gets 413. */
  maxBodyBytes?: number;
  /** Where runs' events are kept (default: in memory, see `createMemoryEventLog`). */
  log?: EventLog;
  /** A `: ping` comment after this much quiet on a run's response (default 15 s). */
  heartbeatMs?: number;
  /** A generation still going after this long is stopped and ends `interrupted` (default 15 minutes). */
  maxDurationMs?: number;
  /** Client request headers passed upstream by name (Anthropic's `anthropic-version` and `anthropic-beta` always are). */
  forwardHeaders?: readonly string[];
  /** The fetch for upstream requests (default: the global one). */
  fetch?: typeof fetch;
  /** Failures no response can carry (the event log failing under a running generation); the key is never in them. */
  onError?: (error: RillError, runId: string) => void;
}

/** A relay: one WHATWG handler for Node (`@rill/relay/node`), Next.js route handlers, Hono, Deno, Bun and Workers. */
export interface Relay {
  /** Answers the provider's streaming path (starts a run), a run's resume (GET) and its stop (POST). */
  handle(request: Request): Promise<Response>;
  /** Stops the generations this relay runs (they end `interrupted`, so followers elsewhere are told) and closes the log. */
  close(): Promise<void>;
}

const ANTHROPIC_HEADERS = ['anthropic-version', 'anthropic-beta'];
const CLOSE_GRACE_MS = 500;

function envKey(provider: ProviderName): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.[KEY_VARIABLES[provider]];
}

const isRecord = (value: unknown): value is RequestBody =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Creates a relay in front of one provider: it keeps the API key on the server, applies the
 * request policy, and runs each accepted request as a resumable run (docs/resumable-runs.md)
 * whose generation goes on when the client drops. Throws at once when the key is missing, or
 * when there is neither an `authorize` hook nor `allowAnonymous`.
 *
 * @example
 * const relay = createRelay({ provider: 'anthropic', authorize: async (req) => (await session(req))?.userId });
 * export const POST = relay.handle; // Next.js: app/api/relay/[...path]/route.ts
 * export const GET = relay.handle;
 */
export function createRelay(options: RelayOptions): Relay {
  const {
    provider,
    upstream = DEFAULT_UPSTREAMS[provider],
    policy,
    maxBodyBytes = 2 ** 20,
    heartbeatMs = 15_000,
    maxDurationMs = 15 * 60_000,
    onError,
  } = options;
  const key = options.apiKey ?? envKey(provider) ?? '';
  if (key === '')
    throw new Error(`@rill/relay: no API key for ${provider}: set ${KEY_VARIABLES[provider]} (or pass apiKey)`);
  const { authorize } = options;
  if (authorize === undefined && options.allowAnonymous !== true) {
    throw new Error(
      '@rill/relay: refusing to start an open proxy: pass authorize(request) to name who may use it, or allowAnonymous: true',
    );
  }
  const log = options.log ?? createMemoryEventLog();
  const doFetch = options.fetch ?? fetch;
  const forward = [...(provider === 'anthropic' ? ANTHROPIC_HEADERS : []), ...(options.forwardHeaders ?? [])].map(
    (name) => name.toLowerCase(),
  );
  const supervisor: RunSupervisor = { log, maxDurationMs, onError, running: new Map() };
  const followers = new Map<AbortController, Promise<void>>(); // open responses, and when each is over

  const start = async (
    request: Request,
    route: Extract<RelayRoute, { kind: 'start' }>,
    principal: string,
  ): Promise<Response> => {
    const read = await readCappedBody(request, maxBodyBytes);
    if ('refused' in read)
      return errorResponse(413, 'invalid-request', `The request body is over ${maxBodyBytes} bytes`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(read.text);
    } catch (error) {
      return errorResponse(
        400,
        'invalid-request',
        `The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (!isRecord(parsed)) return errorResponse(400, 'invalid-request', 'The request body must be a JSON object');
    if (provider !== 'gemini' && parsed.stream !== true)
      return errorResponse(400, 'invalid-request', 'The relay only streams: set "stream": true');
    const model = route.model ?? (typeof parsed.model === 'string' ? parsed.model : undefined);
    const decision =
      policy === undefined ? { body: parsed } : await policy({ provider, principal, model, body: parsed, request });
    if ('refuse' in decision) return errorResponse(decision.refuse.status, 'invalid-request', decision.refuse.message);

    const runId = newRunId();
    const opened = await log.open(runId, principal);
    if ('refused' in opened)
      return errorResponse(503, 'http', 'The relay holds as many runs as it may; try again shortly', {
        'retry-after': '5',
      });
    const forwarded = new Headers();
    for (const name of forward) {
      const value = request.headers.get(name);
      if (value !== null) forwarded.set(name, value);
    }
    // Without a policy the body goes on byte for byte (JSON.stringify would round big integers and respace it).
    const body = policy === undefined ? read.text : JSON.stringify(decision.body);
    const [url, init] = upstreamRequest({ provider, base: upstream, key, model: model ?? '', body, forwarded });
    const run = startRun(supervisor, runId, opened);
    let response: Response;
    try {
      response = await doFetch(url, { ...init, signal: run.signal });
    } catch (error) {
      const message = run.signal.aborted
        ? 'The run was stopped before the provider answered'
        : `The provider could not be reached: ${redact(error instanceof Error ? error.message : String(error), key)}`;
      await run.fail({ kind: 'network', message, retryable: true });
      return errorResponse(502, 'network', message);
    }
    const failed = await upstreamFailure(response, key);
    if (failed !== undefined) {
      await run.fail({
        kind: 'http',
        status: failed.status,
        message: `The provider answered HTTP ${response.status}`,
        retryable: failed.status === 429 || failed.status >= 500,
      });
      return failed;
    }
    run.pump(response);
    try {
      return await follow(runId, route.prefix, log.start);
    } catch (error) {
      // The client gets a 5xx and will send the POST again: this generation must not go on unseen beside the next.
      void run.close();
      throw error;
    }
  };

  const follow = async (runId: string, prefix: string, after: string): Promise<Response> => {
    const stop = new AbortController();
    const events = await log.follow(runId, after, stop.signal);
    if (!('refused' in events)) {
      let onClose = (): void => undefined;
      followers.set(
        stop,
        new Promise<void>((resolve) => (onClose = resolve)).then(() => void followers.delete(stop)),
      );
      return runResponse({ runId, ...runUrls(prefix, runId) }, after, { events, follow: stop, onClose }, heartbeatMs);
    }
    switch (events.refused) {
      case 'unknown-run':
        return notFound(runId);
      case 'expired':
        return expired(runId);
      case 'trimmed':
        return errorResponse(410, 'interrupted', `The events of run ${runId} after ${after} are no longer kept`);
      case 'unknown-position':
        return errorResponse(
          400,
          'invalid-request',
          `Last-Event-ID ${JSON.stringify(after)} names no event of run ${runId}`,
        );
    }
  };

  const notFound = (runId: string): Response =>
    errorResponse(404, 'interrupted', `No run ${runId} here (unknown, or not yours)`);
  const expired = (runId: string): Response => errorResponse(410, 'interrupted', `Run ${runId} has ended and expired`);

  const onRun = async (
    request: Request,
    route: Extract<RelayRoute, { kind: 'resume' | 'stop' }>,
    principal: string,
  ): Promise<Response> => {
    const { runId } = route;
    const found = RUN_ID_PATTERN.test(runId) ? await log.lookup(runId) : { state: 'unknown' as const };
    // A run of someone else answers as if it did not exist: run ids are not confirmed to strangers.
    if (found.state === 'unknown' || found.principal !== principal) return notFound(runId);
    if (found.state === 'expired') return expired(runId);
    if (route.kind === 'resume') return follow(runId, route.prefix, request.headers.get('last-event-id') || log.start);
    if (found.state === 'ended') return Response.json({ runId, status: found.end.status });
    await log.stop(runId);
    return Response.json({ runId, status: 'stopping' }, { status: 202 });
  };

  const handle = async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    const route = matchRelayRoute(provider, pathname);
    if (route === undefined) return errorResponse(404, 'http', `The relay serves no ${pathname}`);
    const method = route.kind === 'resume' ? 'GET' : 'POST';
    if (request.method !== method)
      return errorResponse(405, 'http', `${request.method} is not served here: use ${method}`, { allow: method });
    const principal = authorize === undefined ? 'anonymous' : await authorize(request);
    if (principal === undefined) return errorResponse(401, 'http', 'Not authorized to use this relay');
    return route.kind === 'start' ? start(request, route, principal) : onRun(request, route, principal);
  };

  return {
    handle: async (request) => {
      try {
        return await handle(request);
      } catch (error) {
        // A failing hook or log: the client gets a plain 500, with nothing of the key.
        return errorResponse(
          500,
          'http',
          `The relay failed: ${redact(error instanceof Error ? error.message : String(error), key)}`,
        );
      }
    },
    close: async () => {
      await Promise.all([...supervisor.running.values()].map((run) => run.close()));
      // Followers of the runs just ended get their rill-end first; those of runs elsewhere are let go (they resume on another instance).
      await Promise.race([
        Promise.all(followers.values()),
        new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS)),
      ]);
      for (const stop of followers.keys()) stop.abort();
      await log.close();
    },
  };
}
