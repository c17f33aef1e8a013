import { errorValueOf } from '../errors.js';
import type { StreamPart } from '../message/types.js';
import { assertUniqueIds, type StreamCandidate } from './stream-candidate.js';
import { abortedPart, closeQuietly } from './stream-errors.js';

/** A part from one of `fanOut`'s streams, labelled with the candidate's id. */
export interface SourcedPart {
  source: string;
  part: StreamPart;
}

type Arrival =
  | { source: string; iterator: AsyncIterator<StreamPart>; result: IteratorResult<StreamPart> }
  | { source: string; error: unknown };

/**
 * Runs several streams at once and yields their parts interleaved as they arrive, each labelled
 * with its source. A stream that throws ends with an error part of its own; the others go on.
 * Aborting `signal` (or stopping iteration) aborts every stream; each unfinished source then
 * gets an `aborted` error part. Reads are paced by the consumer: at most one part per source waits.
 *
 * @example
 * for await (const { source, part } of fanOut([model('claude'), model('gpt')], { signal })) {
 *   accumulators[source].push(part);
 * }
 */
export function fanOut(
  candidates: readonly StreamCandidate[],
  options: { signal?: AbortSignal } = {},
): AsyncGenerator<SourcedPart, void, undefined> {
  assertUniqueIds(candidates, 'fanOut');
  return runFanOut(candidates, options.signal);
}

async function* runFanOut(
  candidates: readonly StreamCandidate[],
  signal: AbortSignal | undefined,
): AsyncGenerator<SourcedPart, void, undefined> {
  const isAborted = () => signal?.aborted === true;
  const active = new Map<string, { controller: AbortController; iterator?: AsyncIterator<StreamPart> }>();
  const arrivals: Arrival[] = [];
  // Sources that delivered a part: a throw after that broke a stream that was flowing.
  const read = new Set<string>();
  let wake: (() => void) | undefined;
  const arrive = (arrival: Arrival) => {
    arrivals.push(arrival);
    wake?.();
  };
  const pull = (source: string, iterator: AsyncIterator<StreamPart>) => {
    iterator.next().then(
      (result) => arrive({ source, iterator, result }),
      (error: unknown) => arrive({ source, error }),
    );
  };
  const onAbort = () => {
    for (const { controller } of active.values()) controller.abort();
    wake?.();
  };

  for (const candidate of candidates) {
    const entry: { controller: AbortController; iterator?: AsyncIterator<StreamPart> } = {
      controller: new AbortController(),
    };
    active.set(candidate.id, entry);
    if (isAborted()) continue;
    try {
      entry.iterator = candidate.start(entry.controller.signal)[Symbol.asyncIterator]();
      pull(candidate.id, entry.iterator);
    } catch (error) {
      arrivals.push({ source: candidate.id, error });
    }
  }
  signal?.addEventListener('abort', onAbort, { once: true });

  try {
    while (active.size > 0) {
      if (isAborted()) {
        for (const source of active.keys()) yield { source, part: abortedPart() };
        return;
      }
      const arrival = arrivals.shift();
      if (arrival === undefined) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if ('error' in arrival) {
        active.delete(arrival.source);
        yield {
          source: arrival.source,
          part: {
            type: 'error',
            error: errorValueOf(arrival.error, read.has(arrival.source) ? 'reading' : 'connecting'),
          },
        };
      } else if (arrival.result.done === true) {
        active.delete(arrival.source);
      } else {
        read.add(arrival.source);
        yield { source: arrival.source, part: arrival.result.value };
        pull(arrival.source, arrival.iterator);
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    for (const { controller, iterator } of active.values()) {
      controller.abort();
      closeQuietly(iterator);
    }
  }
}
