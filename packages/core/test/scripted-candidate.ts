import { RillError } from '../src/errors.js';
import type { StreamPart } from '../src/message/types.js';
import type { StreamCandidate } from '../src/race/index.js';

/** One step of a scripted stream, at `at` ms after it started: a part, a throw, or waiting until aborted. */
export type ScriptStep = { at: number; part: StreamPart } | { at: number; throws: Error } | { at: number; hang: true };

/** What a test can check about a scripted candidate after the fact. */
export interface CandidateLog {
  startedAt?: number;
  signal?: AbortSignal;
  /** The stream's `finally` ran (it was closed or finished). */
  closed: boolean;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = () => {
      clearTimeout(timer);
      reject(new RillError({ kind: 'aborted', message: 'aborted', retryable: false }));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', fail);
      resolve();
    }, ms);
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

/**
 * A candidate that plays `steps` on the (fake) timers, honouring its abort signal like a real
 * fetch-backed stream.
 *
 * @example const { candidate, log } = scriptedCandidate('slow', reply('slow', 'Hi', 500)); // log.closed once aborted or done
 */
export function scriptedCandidate(id: string, steps: ScriptStep[]): { candidate: StreamCandidate; log: CandidateLog } {
  const log: CandidateLog = { closed: false };
  async function* play(signal: AbortSignal): AsyncGenerator<StreamPart> {
    try {
      let elapsed = 0;
      for (const step of steps) {
        await sleep(step.at - elapsed, signal);
        elapsed = step.at;
        if ('throws' in step) throw step.throws;
        if ('hang' in step)
          await new Promise((_, reject) =>
            signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }),
          );
        else yield step.part;
      }
    } finally {
      log.closed = true;
    }
  }
  return {
    log,
    candidate: {
      id,
      start(signal) {
        log.startedAt = Date.now();
        log.signal = signal;
        return play(signal);
      },
    },
  };
}

/**
 * The parts of a complete reply: message start, `text` split in two deltas, finish, done.
 *
 * @example scriptedCandidate('fast', reply('fast', 'Hello', 5)); // first token at 15 ms
 */
export function reply(id: string, text: string, from: number, gapMs = 10): ScriptStep[] {
  const half = Math.ceil(text.length / 2);
  return [
    { at: from, part: { type: 'message-start', id } },
    { at: from + gapMs, part: { type: 'text-delta', id: 't', delta: text.slice(0, half) } },
    { at: from + 2 * gapMs, part: { type: 'text-delta', id: 't', delta: text.slice(half) } },
    { at: from + 3 * gapMs, part: { type: 'finish', finishReason: 'stop' } },
    { at: from + 3 * gapMs, part: { type: 'done' } },
  ];
}

/**
 * Consumes an async iterable in the background; `items` fills as parts arrive.
 *
 * @example const { items, done } = drain(race(candidates, options)); await vi.advanceTimersByTimeAsync(20); // items: the parts so far
 */
export function drain<T>(iterable: AsyncIterable<T>): { items: T[]; done: Promise<T[]> } {
  const items: T[] = [];
  const done = (async () => {
    for await (const item of iterable) items.push(item);
    return items;
  })();
  return { items, done };
}
