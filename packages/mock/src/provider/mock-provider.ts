import type { ProviderName } from '@rill/core';
import { encodeScenario, providerWires } from '../encode/encode-scenario.js';
import { parseFault } from '../faults/parse-fault.js';
import type { MockFault, MockFaultSpec } from '../faults/types.js';
import { builtinScenarios, echoScenario } from '../scenario/builtin-scenarios.js';
import type { MockScenario, MockTiming } from '../scenario/types.js';
import { planStream } from '../timing/stream-plan.js';
import { errorResponse, htmlResponse, rateLimitResponse } from './error-bodies.js';
import { playSteps } from './event-stream.js';
import { readRequestBody, type RequestSummary } from './request-body.js';
import { matchRoute } from './routes.js';
import { parseTiming } from './timing-header.js';

/** What a scenario function sees of the request. */
export interface MockRequestContext extends RequestSummary {
  provider: ProviderName;
  request: Request;
}

/** A scenario, a built-in scenario's name, or a function choosing one per request. */
export type ScenarioSource = MockScenario | string | ((context: MockRequestContext) => MockScenario);

export interface MockProviderOptions {
  /** What the model answers when the request names no scenario. Default: echo the last user message. */
  scenario?: ScenarioSource;
  /** Extra named scenarios, picked with the `x-rill-mock-scenario` header next to the built-in ones. */
  scenarios?: Record<string, MockScenario>;
  /** A fault for matching requests (the `x-rill-mock-fault` header overrides it), as a value or in header syntax. */
  fault?: MockFaultSpec | string;
  /** Timing defaults; a scenario's `timing`, then the `x-rill-mock-timing` header, override them. */
  timing?: MockTiming;
  /** False sends events without `id:` lines, so clients cannot resume. Default true. */
  eventIds?: boolean;
}

/** A mock LLM provider: answers provider requests with streamed scenarios and faults. */
export interface MockProvider {
  /** Answers one request (any provider's path); used by the MSW handlers and the Node server alike. */
  handle(request: Request): Promise<Response>;
  /** Forgets how many requests each fault has hit, so `times`-limited faults fire again. */
  reset(): void;
}

/** Request headers the mock reads; browsers must be allowed to send them across origins. */
export const MOCK_HEADERS = [
  'x-rill-mock-scenario',
  'x-rill-mock-fault',
  'x-rill-mock-timing',
  'x-rill-mock-key',
  'last-event-id',
] as const;

const cors = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': [
    'content-type',
    'authorization',
    'x-api-key',
    'x-goog-api-key',
    'anthropic-version',
    ...MOCK_HEADERS,
  ].join(', '),
  'access-control-expose-headers': 'retry-after, x-request-id',
};

function named(name: string, options: MockProviderOptions): MockScenario | undefined {
  if (options.scenarios !== undefined && Object.hasOwn(options.scenarios, name)) return options.scenarios[name];
  return Object.hasOwn(builtinScenarios, name) ? builtinScenarios[name as keyof typeof builtinScenarios] : undefined;
}

function chooseScenario(context: MockRequestContext, options: MockProviderOptions): MockScenario | { error: string } {
  const name =
    context.request.headers.get('x-rill-mock-scenario') ??
    (typeof options.scenario === 'string' ? options.scenario : undefined);
  if (name !== undefined) {
    const known = [...Object.keys(builtinScenarios), ...Object.keys(options.scenarios ?? {})];
    return named(name, options) ?? { error: `Unknown mock scenario "${name}" (known: ${known.join(', ')}).` };
  }
  if (typeof options.scenario === 'function') return options.scenario(context);
  return typeof options.scenario === 'object' ? options.scenario : echoScenario(context.lastUserText);
}

/** Events after the one `Last-Event-ID` names; an unknown id replays everything. */
function resumeAfter<T extends { id: string }>(events: T[], lastEventId: string | null): T[] {
  if (lastEventId === null) return events;
  const at = events.findIndex((e) => e.id === lastEventId);
  return at === -1 ? events : events.slice(at + 1);
}

/**
 * Creates a mock provider serving every provider's real streaming path. Per request, headers pick the
 * scenario (`x-rill-mock-scenario`), inject a fault (`x-rill-mock-fault: drop-after=5`), set timing
 * (`x-rill-mock-timing: ttft=0;delay=0`) and key fault counting (`x-rill-mock-key`); `Last-Event-ID` resumes.
 *
 * @example
 * const mock = createMockProvider({ scenario: 'tool-call', timing: { ttftMs: 0, tokenDelayMs: 0 } });
 * const response = await mock.handle(new Request('http://mock/v1/messages', { method: 'POST', body }));
 */
export function createMockProvider(options: MockProviderOptions = {}): MockProvider {
  const faultHits = new Map<string, number>();

  // Counts this request against the fault's `times` and says whether the fault still applies.
  const applies = (spec: MockFaultSpec, key: string): boolean => {
    const hits = (faultHits.get(key) ?? 0) + 1;
    faultHits.set(key, hits);
    return hits <= (spec.times ?? 1);
  };

  const handle = async (request: Request): Promise<Response> => {
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: cors });
    const url = new URL(request.url);
    const route = matchRoute(url.pathname);
    if (route === undefined)
      return Response.json(
        { error: { message: `rill-mock serves no ${url.pathname}` } },
        { status: 404, headers: cors },
      );
    const { provider } = route;
    const fail = (status: number, message: string, headers: Record<string, string> = {}): Response =>
      errorResponse(provider, status, message, { ...cors, ...headers });
    if (request.method !== 'POST') return fail(404, `${request.method} ${url.pathname} is not served: use POST.`);

    const summary = readRequestBody(provider, await request.text());
    if ('error' in summary) return fail(400, summary.error);
    const context: MockRequestContext = { ...summary, provider, request };
    const scenario = chooseScenario(context, options);
    if ('error' in scenario) return fail(400, scenario.error);

    const faultText = request.headers.get('x-rill-mock-fault') ?? options.fault;
    const spec = typeof faultText === 'string' ? parseFault(faultText) : faultText;
    if (spec !== undefined && 'error' in spec) return fail(400, spec.error);
    const timingText = request.headers.get('x-rill-mock-timing');
    const headerTiming = timingText === null ? {} : parseTiming(timingText);
    if ('error' in headerTiming) return fail(400, headerTiming.error);

    const key = [
      provider,
      scenario.name ?? '',
      JSON.stringify(spec),
      request.headers.get('x-rill-mock-key') ?? '',
    ].join('|');
    const fault: MockFault | undefined = spec !== undefined && applies(spec, key) ? spec : undefined;
    switch (fault?.type) {
      case 'rate-limit':
        return rateLimitResponse(
          provider,
          fault.retryAfterSeconds,
          `Rate limit reached (rill-mock fault). Please retry in ${fault.retryAfterSeconds}s.`,
          cors,
        );
      case 'server-error':
        return fail(
          fault.status,
          fault.status === 503
            ? 'The service is overloaded (rill-mock fault).'
            : 'Internal server error (rill-mock fault).',
        );
      case 'html':
        return htmlResponse(fault.status);
    }

    const events = encodeScenario(provider, scenario, {
      requestModel: route.model ?? summary.model,
      terminate: fault?.type !== 'no-terminator',
    });
    const steps = planStream(resumeAfter(events, request.headers.get('last-event-id')), {
      timing: { ...options.timing, ...scenario.timing, ...headerTiming },
      ...(fault !== undefined && { fault }),
      lineEnding: providerWires[provider].lineEnding,
      eventIds: options.eventIds ?? true,
    });
    return new Response(playSteps(steps, request.signal), {
      status: 200,
      headers: {
        ...cors,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        'x-request-id': `req_rill_mock_${scenario.name ?? 'custom'}`,
      },
    });
  };

  return { handle, reset: () => faultHits.clear() };
}

/**
 * Answers one request with a fresh mock provider (so `times`-limited faults always fire); keep a
 * {@link createMockProvider} instead when retries should get past a fault.
 *
 * @example const response = await handleMockRequest(request, { scenario: 'text' });
 */
export function handleMockRequest(request: Request, options: MockProviderOptions = {}): Promise<Response> {
  return createMockProvider(options).handle(request);
}
