// The demo's server side for `npm run demo`: @rill/mock's Node server as the upstream, and a
// @rill/relay per provider in front of it, mounted under /api/{provider} on the demo's origin.
import type { ProviderName } from '@rill/core';
import { MOCK_HEADERS } from '@rill/mock';
import { startMockServer, type MockServerStats } from '@rill/mock/node';
import { createMemoryEventLog, createRelay, type EventLog, type Relay } from '@rill/relay';
import { createRedisEventLog } from '@rill/relay/redis';
import { BACKEND_FILE } from '../src/backend/demo-backend.js';
import { demoMockOptions } from '../src/mock/demo-mock-options.js';
import { API_BASE, providerBase, providers } from '../src/mock/endpoints.js';

/** How the relays keep their runs, and where the server's notices go. */
export interface RelayBackendOptions {
  /** Keep runs on Redis Streams at this URL (`RILL_REDIS_URL`); default: in memory. */
  redisUrl?: string;
  /** One line per notice: a generation the mock saw cancelled, a relay's event log failing. */
  report(line: string): void;
}

/** The relays and their mock upstream, as one handler for the demo's own paths. */
export interface RelayBackend {
  /** True for the paths `handle` answers: the backend file and everything under `/api`. */
  serves(pathname: string): boolean;
  handle(request: Request): Promise<Response>;
  mockUrl: string;
  log: 'memory' | 'redis';
  close(): Promise<void>;
}

/** Where the mock's counts are served on the demo's origin (`?key=K`: those of requests with `x-rill-mock-key: K`). */
export const MOCK_STATS_PATH = `${API_BASE}/mock/stats`;

// The fault panel's and the pages' mock headers reach the upstream; Last-Event-ID is the relay's own business.
const FORWARDED = MOCK_HEADERS.filter((name) => name !== 'last-event-id');

/**
 * Starts the mock's Node server (events without ids, like the real APIs) and a relay per
 * provider in front of it, each on its own event log (memory, or Redis with a prefix per provider).
 *
 * @example const backend = await startRelayBackend({ report: console.error }); // then mount backend.handle
 */
export async function startRelayBackend(options: RelayBackendOptions): Promise<RelayBackend> {
  const { redisUrl, report } = options;
  const mock = await startMockServer({
    ...demoMockOptions,
    eventIds: false,
    onCancel: (path) =>
      report(
        `rill-mock: generation cancelled: the client left POST ${path} before its end (${mock.stats().cancelled} cancelled so far)`,
      ),
  });
  const openLog = (provider: ProviderName): Promise<EventLog> | EventLog =>
    redisUrl === undefined
      ? createMemoryEventLog()
      : createRedisEventLog({
          url: redisUrl,
          prefix: `rill-demo:${provider}`,
          onError: (error) => report(`rill-relay: ${error.message}`),
        });
  const relays = new Map<ProviderName, Relay>();
  try {
    for (const { name } of providers) {
      relays.set(
        name,
        createRelay({
          provider: name,
          upstream: mock.url,
          // The mock takes any key; a real provider's would come from the environment.
          apiKey: 'rill-demo-mock-key',
          // A local demo: anyone who can reach it may use it, and a run id alone follows or stops a run.
          allowAnonymous: true,
          log: await openLog(name),
          forwardHeaders: FORWARDED,
          onError: (error, runId) => report(`rill-relay: ${runId}: ${error.message}`),
        }),
      );
    }
  } catch (error) {
    await Promise.all([...relays.values()].map((relay) => relay.close()));
    await mock.close();
    throw error;
  }
  const log = redisUrl === undefined ? 'memory' : 'redis';
  const relayFor = (pathname: string): Relay | undefined => {
    const provider = providers.find(({ name }) => pathname.startsWith(`${providerBase(name)}/`));
    return provider && relays.get(provider.name);
  };

  return {
    serves: (pathname) => pathname === `/${BACKEND_FILE}` || pathname.startsWith(`${API_BASE}/`),
    handle: async (request) => {
      const { pathname, searchParams } = new URL(request.url);
      if (pathname === `/${BACKEND_FILE}`)
        return Response.json({ backend: 'relay', log }, { headers: { 'cache-control': 'no-store' } });
      if (pathname === MOCK_STATS_PATH)
        return Response.json(mock.stats(searchParams.get('key') ?? undefined) satisfies MockServerStats, {
          headers: { 'cache-control': 'no-store' },
        });
      const relay = relayFor(pathname);
      return relay === undefined
        ? Response.json({ error: { kind: 'http', message: `The demo serves no ${pathname}` } }, { status: 404 })
        : relay.handle(request);
    },
    mockUrl: mock.url,
    log,
    close: async () => {
      await Promise.all([...relays.values()].map((relay) => relay.close()));
      await mock.close();
    },
  };
}
