import { inject } from 'vitest';
import type { EventLog } from '../../src/index.js';
import { createRedisEventLog, type RedisEventLogOptions } from '../../src/redis/index.js';

/** The test run's redis-server (see redis-server.ts); throws, failing the test, when it could not start. */
export function redisUrl(): string {
  const url = inject('redisUrl');
  if (url === '') throw new Error(`The Redis tests need redis-server: ${inject('redisStartError')}`);
  return url;
}

let logs = 0;

/**
 * A Redis event log under a prefix of its own, so tests sharing the server never see each other's runs.
 *
 * @example const log = await redisLog({ leaseMs: 500 });
 */
export function redisLog(options: Partial<RedisEventLogOptions> = {}): Promise<EventLog> {
  logs += 1;
  return createRedisEventLog({ url: redisUrl(), prefix: `rill-test-${process.pid}-${logs}`, ...options });
}
