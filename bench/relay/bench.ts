// `pnpm bench relay`: what @rill/relay adds on loopback, with the mock as the upstream (no event ids,
// like the real APIs): latency per event against reading the mock directly (p50/p99), memory per
// open run in the relay's process, and 1,000 concurrent runs on the memory log and 200 on Redis,
// each client dropped once mid-answer and resumed, with every event counted (lost or twice).
// RILL_BENCH_TINY=1 runs a small version (CI smoke).
import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { directClient, relayClient, type ClientRun } from './clients.js';
import type { RelayProcessMessage } from './relay-process.js';
import { startRedis } from './redis-server.js';
import { startTappedMock, type SentEvent } from './tapped-mock.js';
import { tiny } from '../tiny.js';

const MEMORY_RUNS = tiny ? 20 : 1_000;
const REDIS_RUNS = tiny ? 10 : 200;
const SINGLE_RUNS = tiny ? 2 : 5;
const TTFT_MS = tiny ? 1_000 : 2_500; // runs stay open (before the first token) while memory is sampled
const STAGGER_MS = tiny ? 100 : 800; // starts spread over this long, as real traffic is
const FAST = 'ttft=0;delay=2;jitter=0';
const steady = (delayMs: number): string => `ttft=${TTFT_MS};delay=${delayMs};jitter=0`;

const mock = await startTappedMock();

interface RelayChild {
  url: string;
  /** Heap + external bytes after GC, and CPU µs used so far. */
  memory(): Promise<{ bytes: number; cpuMicros: number }>;
  stop(): void;
}

async function startRelay(redisUrl?: string): Promise<RelayChild> {
  const script = fileURLToPath(new URL('relay-process.ts', import.meta.url));
  const child: ChildProcess = fork(
    script,
    [JSON.stringify({ upstream: mock.server.url, ...(redisUrl !== undefined && { redisUrl }) })],
    { execArgv: ['--conditions=rill-source', '--import', 'tsx'] },
  );
  const next = (type: RelayProcessMessage['type']): Promise<RelayProcessMessage> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: RelayProcessMessage): void => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`the relay process exited with ${code}`)));
    });
  const ready = await next('ready');
  return {
    url: ready.type === 'ready' ? ready.url : '',
    memory: async () => {
      const answer = next('memory');
      child.send('memory');
      const message = await answer;
      return message.type === 'memory' ? message : { bytes: Number.NaN, cpuMicros: Number.NaN };
    },
    stop: () => child.disconnect(),
  };
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** Per-event latencies (ms from the mock's send to the client's receipt) of streamed events: not the response's opening burst, not after a resume. */
function latencies(runs: readonly ClientRun[]): number[] {
  const all: number[] = [];
  for (const run of runs) {
    const sent = mock.sent.get(run.key) ?? [];
    run.events.forEach((event, index) => {
      const source = sent[index];
      if (!event.resumed && source !== undefined && !source.opening) all.push(event.at - source.at);
    });
  }
  return all.sort((a, b) => a - b);
}

/** Events the mock sent that the client never got, and events the client got that were not sent (or got twice). */
function accounting(runs: readonly ClientRun[]): { lost: number; duplicated: number; badEnds: number } {
  let lost = 0;
  let duplicated = 0;
  let badEnds = 0;
  for (const run of runs) {
    const counts = new Map<string, number>();
    for (const event of mock.sent.get(run.key) ?? ([] as SentEvent[]))
      counts.set(event.data, (counts.get(event.data) ?? 0) + 1);
    for (const event of run.events) {
      const left = counts.get(event.data) ?? 0;
      if (left > 0) counts.set(event.data, left - 1);
      else duplicated += 1;
    }
    for (const left of counts.values()) lost += left;
    if (run.end !== undefined && run.end !== '{"status":"done"}') badEnds += 1;
  }
  return { lost, duplicated, badEnds };
}

const words = 'the quick brown fox jumps over the lazy dog and keeps on running';
const keyOf = (phase: string, index: number): string => `${phase} run ${index}: ${words}`;

/** `count` clients started over STAGGER_MS, all running at once. */
function concurrently(count: number, start: (index: number) => Promise<ClientRun>): Promise<ClientRun[]> {
  return Promise.all(
    Array.from({ length: count }, (_, index) =>
      new Promise<void>((resolve) => setTimeout(resolve, (index * STAGGER_MS) / count)).then(() => start(index)),
    ),
  );
}

interface Row {
  scenario: string;
  runs: number;
  'direct p50 ms': string;
  'direct p99 ms': string;
  'relay p50 ms': string;
  'relay p99 ms': string;
  'added p50 ms': string;
  'added p99 ms': string;
  'p99 relay/direct': string;
  lost: number;
  duplicated: number;
  'KB per open run': string;
  'relay CPU µs/event': string;
}

const ms = (value: number): string => value.toFixed(2);
function row(
  scenario: string,
  direct: ClientRun[],
  relayed: ClientRun[],
  load?: { perRun: number; cpuMicros: number },
): Row {
  const d = latencies(direct);
  const r = latencies(relayed);
  const { lost, duplicated, badEnds } = accounting(relayed);
  if (badEnds > 0) throw new Error(`${scenario}: ${badEnds} runs did not end done`);
  return {
    scenario,
    runs: relayed.length,
    'direct p50 ms': ms(percentile(d, 50)),
    'direct p99 ms': ms(percentile(d, 99)),
    'relay p50 ms': ms(percentile(r, 50)),
    'relay p99 ms': ms(percentile(r, 99)),
    'added p50 ms': ms(percentile(r, 50) - percentile(d, 50)),
    'added p99 ms': ms(percentile(r, 99) - percentile(d, 99)),
    'p99 relay/direct': `${(percentile(r, 99) / percentile(d, 99)).toFixed(2)}x`,
    lost,
    duplicated,
    'KB per open run': load === undefined ? '' : (load.perRun / 1024).toFixed(1),
    'relay CPU µs/event':
      load === undefined ? '' : (load.cpuMicros / relayed.reduce((sum, run) => sum + run.events.length, 0)).toFixed(1),
  };
}

/** Runs `count` relayed clients, each dropped once mid-answer, and samples the relay's memory while all are open. */
async function relayedLoad(
  relay: RelayChild,
  phase: string,
  count: number,
  timing: string,
): Promise<{ runs: ClientRun[]; load: { perRun: number; cpuMicros: number } }> {
  await relayClient(relay.url, `${phase} warm-up`, FAST); // JIT and connections warm before the baseline
  const baseline = await relay.memory();
  let opened = 0;
  let allOpen = (): void => undefined;
  const open = new Promise<void>((resolve) => (allOpen = resolve));
  const runs = concurrently(count, (index) =>
    relayClient(relay.url, keyOf(phase, index), timing, {
      cutAfter: 6 + (index % 11),
      onOpen: () => ++opened === count && allOpen(),
    }),
  );
  await open;
  const perRun = ((await relay.memory()).bytes - baseline.bytes) / count;
  const done = await runs;
  // CPU per event over the whole phase: every request, upstream call, event, resume and end, divided by the events.
  return { runs: done, load: { perRun, cpuMicros: (await relay.memory()).cpuMicros - baseline.cpuMicros } };
}

// Other processes on the machine move wall-clock latency a lot (CPU µs/event much less): say how busy it was.
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
console.log(
  `relay vs direct on loopback; mock upstream in this process, relay in a child process; ${tiny ? 'TINY mode' : 'full size'}; load average ${load()}`,
);
console.log(
  `latency: mock send -> client receipt per streamed event (the opening burst, sent with the headers, and resumed connections left out)`,
);
console.log(
  `concurrent phases: TTFT ${TTFT_MS} ms (memory is sampled then, every run open), starts spread over ${STAGGER_MS} ms, each relayed client drops once and resumes`,
);
const rows: Row[] = [];

const memoryRelay = await startRelay();
try {
  const direct: ClientRun[] = [];
  const relayed: ClientRun[] = [];
  for (let i = 0; i < SINGLE_RUNS; i += 1) {
    const key = keyOf('single', i).repeat(8);
    direct.push(await directClient(mock.server.url, `${key} direct`, FAST));
    relayed.push(await relayClient(memoryRelay.url, `${key} relayed`, FAST));
  }
  rows.push(row('1 run at a time, 2 ms/token (memory log)', direct, relayed));
  for (const delayMs of [100, 25]) {
    const directMany = await concurrently(MEMORY_RUNS, (index) =>
      directClient(mock.server.url, keyOf(`direct-${delayMs}`, index), steady(delayMs)),
    );
    const { runs, load } = await relayedLoad(memoryRelay, `memory-${delayMs}`, MEMORY_RUNS, steady(delayMs));
    rows.push(row(`${MEMORY_RUNS} concurrent runs, ${delayMs} ms/token (memory log)`, directMany, runs, load));
  }
} finally {
  memoryRelay.stop();
}

const redis = await startRedis();
try {
  const redisRelay = await startRelay(redis.url);
  try {
    const direct = await concurrently(REDIS_RUNS, (index) =>
      directClient(mock.server.url, keyOf('direct-redis', index), steady(25)),
    );
    const { runs, load } = await relayedLoad(redisRelay, 'redis', REDIS_RUNS, steady(25));
    rows.push(row(`${REDIS_RUNS} concurrent runs, 25 ms/token (Redis log)`, direct, runs, load));
  } finally {
    redisRelay.stop();
  }
} finally {
  redis.stop();
}

console.table(rows);
console.log(
  'added = relay - direct at the same percentile; KB per open run = the relay process heap + external, after GC, while every run is open, minus its baseline, per run',
);
console.log(`load average at the end ${load()}`);
console.log(
  'Targets: p99 added < 5 ms per event at 1,000 runs; < 64 KB per open run plus the run’s own text; 0 lost, 0 duplicated.',
);
await mock.server.close();
const broken = rows.filter((r) => r.lost > 0 || r.duplicated > 0);
if (broken.length > 0) {
  console.error(`events lost or duplicated in: ${broken.map((r) => r.scenario).join('; ')}`);
  process.exit(1);
}
