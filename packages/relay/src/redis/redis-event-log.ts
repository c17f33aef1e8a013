import { createClient, createClientPool } from '@redis/client';
import { RillError } from '@rill/core';
import {
  END_EVENT,
  type EventLog,
  type LogEntry,
  type RunEnd,
  type RunLookup,
  type RunWriter,
} from '../log/event-log.js';
import { appendScript, endScript } from './redis-scripts.js';

/** Where and how runs are kept on Redis. */
export interface RedisEventLogOptions {
  /** e.g. `redis://127.0.0.1:6379` */
  url: string;
  /** Key prefix (default `rill`): keys are `rill:{runId}:meta|events|lease`, stops go on channel `rill:stop`. */
  prefix?: string;
  /** How long a writer's lease lasts without renewal (default 10 s): a run whose relay died ends `interrupted` for its followers within about this long. */
  leaseMs?: number;
  /** How long an ended run can still be resumed (default 10 minutes). */
  endedTtlMs?: number;
  /** How long after that a resume is told 410 rather than 404 (default 1 hour). */
  tombstoneMs?: number;
  /** Events kept per run (default 100,000; trimmed from the oldest, approximately). */
  maxRunEvents?: number;
  /** Blocking connections for followers, at most (default 1,000): each live follower holds one while it waits. */
  maxFollowers?: number;
  /** Connection errors (the client reconnects by itself); without it they are dropped. */
  onError?: (error: Error) => void;
}

const START = '0-0';

/** XREAD's reply for one stream, as node-redis gives it over RESP2. */
type StreamsReply = { name: string; messages: { id: string; message: Record<string, string | undefined> }[] }[] | null;
const STREAM_ID = /^(\d{1,20})-(\d{1,20})$/;

function compareIds(a: string, b: string): number {
  const [, aMs = '', aSeq = ''] = STREAM_ID.exec(a) ?? [];
  const [, bMs = '', bSeq = ''] = STREAM_ID.exec(b) ?? [];
  const ms = BigInt(aMs) - BigInt(bMs);
  const diff = ms === 0n ? BigInt(aSeq) - BigInt(bSeq) : ms;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

const lapsed = (leaseMs: number): string =>
  JSON.stringify({
    status: 'interrupted',
    error: {
      kind: 'interrupted',
      message: `The relay running this answer stopped renewing its lease (${leaseMs} ms)`,
      retryable: true,
    },
  } satisfies RunEnd);

/**
 * An event log on Redis Streams, for several relay instances behind a load balancer: events are
 * appended with XADD and followed with XREAD BLOCK from any instance; a stop is published to the
 * instance that runs the generation; the writer renews a lease, and a follower that finds it lapsed
 * ends the run `interrupted`; an ended run expires after `endedTtlMs`.
 *
 * @example
 * const log = await createRedisEventLog({ url: process.env.RILL_REDIS_URL ?? 'redis://127.0.0.1:6379' });
 * const relay = createRelay({ provider: 'openai-chat', authorize, log });
 */
export async function createRedisEventLog(options: RedisEventLogOptions): Promise<EventLog> {
  const {
    url,
    prefix = 'rill',
    leaseMs = 10_000,
    endedTtlMs = 10 * 60_000,
    tombstoneMs = 60 * 60_000,
    maxRunEvents = 100_000,
    maxFollowers = 1_000,
    onError = () => undefined,
  } = options;
  const keepMs = endedTtlMs + tombstoneMs;
  // Followers wake at least this often to check the writer's lease (and notice a client that left).
  const pollMs = Math.max(10, Math.min(1_000, Math.floor(leaseMs / 2)));
  const channel = `${prefix}:stop`;
  const keys = (runId: string) => ({
    meta: `${prefix}:{${runId}}:meta`,
    events: `${prefix}:{${runId}}:events`,
    lease: `${prefix}:{${runId}}:lease`,
  });

  // A Redis that cannot be reached at start is an error now; once connected, the clients reconnect by themselves.
  let connected = false;
  const socket = {
    reconnectStrategy: (retries: number, cause: Error) => (connected ? Math.min(50 * 2 ** retries, 2_000) : cause),
  };
  const client = createClient({ url, socket, scripts: { rillAppend: appendScript, rillEnd: endScript } });
  const subscriber = client.duplicate();
  const readers = createClientPool({ url, socket }, { minimum: 1, maximum: maxFollowers });
  for (const emitter of [client, subscriber, readers])
    emitter.on('error', (error: Error) => connected && onError(error));
  try {
    await Promise.all([client.connect(), subscriber.connect(), readers.connect()]);
  } catch (error) {
    await Promise.allSettled(
      [async () => client.destroy(), async () => subscriber.destroy(), async () => readers.destroy()].map((destroy) =>
        destroy(),
      ),
    );
    // The host only: a Redis URL may carry a password.
    throw new Error(
      `@rill/relay: cannot reach Redis at ${new URL(url).host}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  connected = true;

  const writers = new Map<string, AbortController>(); // runs whose generation this instance runs
  await subscriber.subscribe(channel, (runId) => writers.get(runId)?.abort('stop'));

  const end = (runId: string, value: string, onlyIfLapsed: boolean): Promise<string | null> => {
    const { meta, events, lease } = keys(runId);
    return client.rillEnd(meta, events, lease, value, maxRunEvents, endedTtlMs, keepMs, onlyIfLapsed);
  };

  const open = async (runId: string, principal: string): Promise<RunWriter> => {
    const { meta, events, lease } = keys(runId);
    await client.multi().hSet(meta, { principal }).pExpire(meta, keepMs).set(lease, '1', { PX: leaseMs }).exec();
    const stop = new AbortController();
    writers.set(runId, stop);
    const release = (): void => {
      clearInterval(renewal);
      writers.delete(runId);
    };
    // XX: a lease that lapsed stays lapsed, so a writer that was too slow cannot take its run back.
    const renew = async (): Promise<void> => {
      const [renewed, state] = await Promise.all([
        client.set(lease, '1', { PX: leaseMs, XX: true }),
        client.hmGet(meta, ['stop', 'end']),
      ]);
      if (state[0] === '1') stop.abort('stop');
      else if (renewed === null || state[1] !== null) stop.abort('ended');
    };
    const renewal = setInterval(() => void renew().catch(onError), Math.max(1, Math.floor(leaseMs / 3)));
    stop.signal.addEventListener('abort', () => clearInterval(renewal), { once: true });
    return {
      signal: stop.signal,
      append: async (entries) => {
        const id = await client.rillAppend(meta, events, maxRunEvents, keepMs, entries);
        if (id === null) stop.abort('ended');
      },
      end: async (value) => {
        release();
        await end(runId, JSON.stringify(value), false);
      },
    };
  };

  const lookup = async (runId: string): Promise<RunLookup> => {
    const { meta, events } = keys(runId);
    const [record, kept] = await Promise.all([client.hGetAll(meta), client.exists(events)]);
    const { principal, end: ended } = record;
    if (principal === undefined) return { state: 'unknown' };
    if (ended === undefined) return { state: 'live', principal };
    return kept === 0
      ? { state: 'expired', principal }
      : { state: 'ended', principal, end: JSON.parse(ended) as RunEnd };
  };

  async function* follow(runId: string, after: string, signal: AbortSignal): AsyncGenerator<LogEntry[]> {
    const { meta, events, lease } = keys(runId);
    let last = after;
    while (!signal.aborted) {
      const reply = (await readers.xRead({ key: events, id: last }, { BLOCK: pollMs, COUNT: 1_000 })) as StreamsReply;
      if (signal.aborted) return;
      const messages = reply?.[0]?.messages ?? [];
      if (messages.length === 0) {
        const [kept, ended, leased] = await Promise.all([
          client.exists(meta),
          client.hExists(meta, 'end'),
          client.exists(lease),
        ]);
        if (kept === 0)
          throw new RillError({
            kind: 'interrupted',
            message: `Run ${runId} expired while it was followed`,
            retryable: true,
          });
        if (!ended && leased === 0) await end(runId, lapsed(leaseMs), true);
        continue;
      }
      const batch = messages.map(({ id, message }) => ({ id, event: message.e ?? 'message', data: message.d ?? '' }));
      last = batch[batch.length - 1]?.id ?? last;
      yield batch;
      if (batch.some((entry) => entry.event === END_EVENT)) return;
    }
  }

  return {
    start: START,
    open,
    lookup,
    follow: async (runId, after, signal) => {
      const { meta, events } = keys(runId);
      const [record, kept] = await Promise.all([client.hGetAll(meta), client.exists(events)]);
      if (record.principal === undefined) return { refused: 'unknown-run' };
      if (record.end !== undefined && kept === 0) return { refused: 'expired' };
      if (after !== START) {
        if (!STREAM_ID.test(after)) return { refused: 'unknown-position' };
        const [at, first] = await Promise.all([
          client.xRange(events, after, after, { COUNT: 1 }),
          client.xRange(events, '-', '+', { COUNT: 1 }),
        ]);
        const oldest = first?.[0]?.id;
        if (!at?.length)
          return { refused: oldest !== undefined && compareIds(after, oldest) < 0 ? 'trimmed' : 'unknown-position' };
      }
      return follow(runId, after, signal);
    },
    stop: async (runId) => {
      const { meta } = keys(runId);
      if ((await client.exists(meta)) === 0) return;
      // The flag reaches a writer that missed the message (reconnecting) at its next lease renewal.
      await client.hSet(meta, 'stop', '1');
      await client.publish(channel, runId);
    },
    close: async () => {
      for (const stop of writers.values()) stop.abort('closing');
      writers.clear();
      await Promise.allSettled([subscriber.close(), readers.close(), client.close()]);
    },
  };
}
