import { defineScript, type CommandParser } from '@redis/client';
import type { LogEvent } from '../log/event-log.js';

// The keys of one run share a hash tag ({runId}), so the scripts also work on a Redis Cluster.

/** Appends events (name, data pairs) unless the run has ended (then nil): a writer that lost its lease cannot add to an ended run. */
export const appendScript = defineScript({
  NUMBER_OF_KEYS: 2,
  SCRIPT: `
if redis.call('HEXISTS', KEYS[1], 'end') == 1 then return false end
local id = ''
for i = 3, #ARGV, 2 do
  id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[1], '*', 'e', ARGV[i], 'd', ARGV[i + 1])
end
redis.call('PEXPIRE', KEYS[2], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return id`,
  parseCommand(
    parser: CommandParser,
    meta: string,
    events: string,
    maxEvents: number,
    keepMs: number,
    entries: readonly LogEvent[],
  ) {
    parser.pushKeys([meta, events]);
    parser.push(String(maxEvents), String(keepMs), ...entries.flatMap((entry) => [entry.event, entry.data]));
  },
  transformReply: (reply: unknown): string | null => (typeof reply === 'string' ? reply : null),
});

/**
 * Ends a run once: records the end, appends `rill-end`, starts the expiry (the events go after
 * `eventsTtl`, the run's record, which makes a later resume a 410, after `metaTtl`) and drops the
 * lease. With `onlyIfLapsed` it does nothing while the lease is held (a follower ending a run whose
 * writer died). Returns the `rill-end` id, or nil when nothing was done.
 */
export const endScript = defineScript({
  NUMBER_OF_KEYS: 3,
  SCRIPT: `
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HEXISTS', KEYS[1], 'end') == 1 then return false end
if ARGV[5] == '1' and redis.call('EXISTS', KEYS[3]) == 1 then return false end
redis.call('HSET', KEYS[1], 'end', ARGV[1])
local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'e', 'rill-end', 'd', ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('DEL', KEYS[3])
return id`,
  parseCommand(
    parser: CommandParser,
    meta: string,
    events: string,
    lease: string,
    end: string,
    maxEvents: number,
    eventsTtl: number,
    metaTtl: number,
    onlyIfLapsed: boolean,
  ) {
    parser.pushKeys([meta, events, lease]);
    parser.push(end, String(maxEvents), String(eventsTtl), String(metaTtl), onlyIfLapsed ? '1' : '0');
  },
  transformReply: (reply: unknown): string | null => (typeof reply === 'string' ? reply : null),
});
