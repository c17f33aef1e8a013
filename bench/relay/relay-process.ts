// The relay under test, in a process of its own (as in production), forked by bench.ts with an IPC
// channel: it says { url } once it listens and answers 'memory' with its heap after a full GC and its CPU time so far.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createMemoryEventLog, createRelay } from '@rill/relay';
import { serveRelay } from '@rill/relay/node';
import { createRedisEventLog } from '@rill/relay/redis';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** What bench.ts passes as the first argument (JSON). */
export interface RelayProcessConfig {
  upstream: string;
  redisUrl?: string;
}

/** What the process sends back. */
export type RelayProcessMessage = { type: 'ready'; url: string } | { type: 'memory'; bytes: number; cpuMicros: number };

const config = JSON.parse(process.argv[2] ?? '{}') as RelayProcessConfig;
const log =
  config.redisUrl === undefined
    ? createMemoryEventLog({ maxRuns: 10_000 })
    : await createRedisEventLog({ url: config.redisUrl, prefix: `rill-bench-${process.pid}`, maxFollowers: 4_000 });
// Timing headers pass through so each phase picks the mock's pace.
const relay = createRelay({
  provider: 'anthropic',
  upstream: config.upstream,
  apiKey: 'bench-key',
  allowAnonymous: true,
  log,
  forwardHeaders: ['x-rill-mock-timing'],
});
const server = await serveRelay(relay, { port: 0 });
const send = (message: RelayProcessMessage): void => void process.send?.(message);
send({ type: 'ready', url: server.url });
process.on('message', (message) => {
  if (message !== 'memory') return;
  gc();
  gc();
  const { heapUsed, external } = process.memoryUsage();
  const { user, system } = process.cpuUsage();
  send({ type: 'memory', bytes: heapUsed + external, cpuMicros: user + system });
});
process.on('disconnect', () => void server.close().then(() => process.exit(0)));
