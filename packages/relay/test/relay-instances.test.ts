import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '@rill/mock/node';
import { createRelay } from '../src/index.js';
import { serveRelay } from '../src/node/index.js';
import { createRedisEventLog } from '../src/redis/index.js';
import { startChildRelay } from './support/child-relay.js';
import { redisUrl } from './support/redis-log.js';
import { roundRobinProxy } from './support/round-robin-proxy.js';
import {
  announced,
  byHeader,
  endOf,
  idAt,
  providerCall,
  providerEvents,
  readEvents,
  resume,
  stop,
  TEST_KEY,
} from './support/relay-stack.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

let prefixes = 0;
const freshPrefix = (): string => `rill-instances-${process.pid}-${++prefixes}`;

async function mockOf(tokenDelayMs: number, scenario?: string): Promise<MockServer> {
  const mock = await startMockServer({
    port: 0,
    eventIds: false,
    timing: { ttftMs: 0, tokenDelayMs, jitterMs: 0 },
    ...(scenario !== undefined && { scenario }),
  });
  closers.push(() => mock.close());
  return mock;
}

/** A relay instance in this process on the shared Redis, under `prefix`. */
async function instance(
  upstream: string,
  prefix: string,
  options: { leaseMs?: number; endedTtlMs?: number; maxRunEvents?: number } = {},
): Promise<string> {
  const log = await createRedisEventLog({ url: redisUrl(), prefix, ...options });
  const server = await serveRelay(
    createRelay({ provider: 'anthropic', upstream, apiKey: TEST_KEY, authorize: byHeader, log }),
    { port: 0 },
  );
  closers.push(() => server.close());
  return server.url;
}

async function balanced(targets: string[]): Promise<string> {
  const proxy = await roundRobinProxy(targets);
  closers.push(() => proxy.close());
  return proxy.url;
}

async function post(base: string, userText?: string): Promise<Response> {
  const call = providerCall('anthropic', userText);
  return fetch(`${base}${call.path}`, {
    method: 'POST',
    body: call.body,
    headers: { 'content-type': 'application/json', 'x-user': 'alice' },
  });
}

async function direct(mock: MockServer): Promise<string[]> {
  const call = providerCall('anthropic');
  const events = await readEvents(await fetch(`${mock.url}${call.path}`, { method: 'POST', body: call.body }));
  return events.map((e) => e.data);
}

describe('two relay instances on one Redis behind a round-robin proxy', () => {
  it('the POST lands on A, the resume on B: the answer completes through B, nothing lost or twice', async () => {
    const mock = await mockOf(5);
    const prefix = freshPrefix();
    const lb = await balanced([await instance(mock.url, prefix), await instance(mock.url, prefix)]);
    const first = await readEvents(await post(lb), 4);
    const run = announced(first, lb);
    const rest = await readEvents(await resume(run, idAt(first, -1)));
    expect(rest[0]).toMatchObject({ event: 'rill-run', id: idAt(first, -1) });
    expect(rest.at(-1)?.data).toBe('{"status":"done"}');
    expect(providerEvents([...first, ...rest]).map((e) => e.data)).toEqual(await direct(mock));
  });

  it('a stop sent to B reaches A, which runs the generation: every follower ends aborted', async () => {
    const mock = await mockOf(30);
    const prefix = freshPrefix();
    const a = await instance(mock.url, prefix);
    const b = await instance(mock.url, prefix);
    const first = await readEvents(await post(a), 3);
    const onA = announced(first, a);
    const onB = announced(first, b);
    const followerOnA = resume(onA, idAt(first, -1)).then((r) => readEvents(r));
    const followerOnB = resume(onB, idAt(first, -1)).then((r) => readEvents(r));
    expect((await stop(onB)).status).toBe(202);
    for (const events of await Promise.all([followerOnA, followerOnB]))
      expect(endOf(events)).toEqual({ status: 'aborted' });
    const answer = await direct(mock);
    const got = providerEvents([...first, ...(await readEvents(await resume(onB, idAt(first, -1))))]);
    expect(got.length).toBeLessThan(answer.length);
  });

  it('A dies mid-run: followers on B end interrupted with everything that arrived, within the lease time', async () => {
    const mock = await mockOf(40);
    const prefix = freshPrefix();
    const leaseMs = 600;
    const a = await startChildRelay({ upstream: mock.url, redisUrl: redisUrl(), prefix, leaseMs, apiKey: TEST_KEY });
    closers.push(() => a.kill());
    const b = await instance(mock.url, prefix, { leaseMs });
    const first = await readEvents(await post(a.url), 4);
    const run = announced(first, b);
    const follower = resume(run, idAt(first, -1)).then((r) => readEvents(r));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await a.kill();
    const killedAt = performance.now();
    const followed = await follower;
    const waited = performance.now() - killedAt;
    expect(endOf(followed)).toEqual({
      status: 'interrupted',
      error: {
        kind: 'interrupted',
        message: `The relay running this answer stopped renewing its lease (${leaseMs} ms)`,
        retryable: true,
      },
    });
    // Bounded by the lease plus one follower poll (half a lease here), not a hang.
    expect(waited).toBeLessThan(leaseMs * 2 + 500);
    const got = providerEvents([...first, ...followed.slice(1)]).map((e) => e.data);
    const logged = providerEvents(await readEvents(await resume(run))).map((e) => e.data);
    expect(got).toEqual(logged);
    const answer = await direct(mock);
    expect(got.length).toBeGreaterThan(4);
    expect(got.length).toBeLessThan(answer.length);
    expect(answer.slice(0, got.length)).toEqual(got);
  });
});

describe('runs on Redis expire and stay bounded', () => {
  it('an ended run expires after endedTtlMs: its owner then gets 410', async () => {
    const mock = await mockOf(0);
    const base = await instance(mock.url, freshPrefix(), { endedTtlMs: 100 });
    const run = announced(await readEvents(await post(base)), base);
    expect((await resume(run)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const gone = await resume(run);
    expect(gone.status).toBe(410);
    expect(await gone.json()).toMatchObject({ error: { message: `Run ${run.runId} has ended and expired` } });
    expect((await resume(run, undefined, 'mallory')).status).toBe(404);
  });

  it('a run longer than maxRunEvents keeps its newest events; a resume from a trimmed one is 410', async () => {
    const mock = await mockOf(0, 'long-text');
    const base = await instance(mock.url, freshPrefix(), { maxRunEvents: 100 });
    const events = await readEvents(await post(base));
    expect(events.length).toBeGreaterThan(500);
    const run = announced(events, base);
    expect((await resume(run, idAt(events, 1))).status).toBe(410);
    const tail = await readEvents(await resume(run, idAt(events, -4)));
    expect(tail.slice(1).map((e) => e.data)).toEqual(events.slice(-3).map((e) => e.data));
  });
});
