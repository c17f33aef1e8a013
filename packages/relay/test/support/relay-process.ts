// A relay on a Redis log in a process of its own, so a test can kill it mid-run:
// node --conditions=rill-source --import tsx relay-process.ts '{"upstream":…,"redisUrl":…,"prefix":…,"leaseMs":…}'
import { createRelay } from '../../src/index.js';
import { serveRelay } from '../../src/node/index.js';
import { createRedisEventLog } from '../../src/redis/index.js';

interface ChildConfig {
  upstream: string;
  redisUrl: string;
  prefix: string;
  leaseMs: number;
  apiKey: string;
}

const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
const log = await createRedisEventLog({ url: config.redisUrl, prefix: config.prefix, leaseMs: config.leaseMs });
const relay = createRelay({
  provider: 'anthropic',
  upstream: config.upstream,
  apiKey: config.apiKey,
  log,
  authorize: (request) => request.headers.get('x-user') ?? undefined,
});
const server = await serveRelay(relay, { port: 0 });
process.stdout.write(`${server.url}\n`);
