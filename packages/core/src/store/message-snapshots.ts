import { errorValueOf } from '../errors.js';
import { createMessageAccumulator } from '../message/message-accumulator.js';
import type { Message, StreamPart } from '../message/types.js';
import { createFrameScheduler, type Throttle } from './frame-scheduler.js';

/**
 * Turns parts into message snapshots, at most one per frame (or `throttle` ms), the final one
 * always last: for consumers that store every yielded value, such as TanStack Query's
 * `streamedQuery`, which would otherwise write its cache once per token. A consumer that stops
 * early (`break`, `return()`) stops the reading of `parts` and closes it.
 *
 * @example
 * for await (const message of messageSnapshots(decodeProvider('anthropic', streamSSE(url, init)))) render(message);
 */
export async function* messageSnapshots(
  parts: AsyncIterable<StreamPart>,
  throttle: Throttle = 'frame',
): AsyncGenerator<Message, void, undefined> {
  const acc = createMessageAccumulator();
  const iterator = parts[Symbol.asyncIterator]();
  const close = async (): Promise<void> => {
    await iterator.return?.();
  };
  let dirty = false;
  let ended = false;
  let stopped = false;
  let wake: (() => void) | undefined;
  const pump = async (): Promise<void> => {
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done || stopped) break;
        acc.push(next.value);
        dirty = true;
        if (acc.current().status !== 'streaming') {
          await close();
          break;
        }
      }
      acc.end();
    } catch (err) {
      acc.end(errorValueOf(err, 'reading'));
    }
    ended = true;
    wake?.();
  };
  void pump();
  try {
    while (!ended) {
      await new Promise<void>((resolve) => {
        const scheduler = createFrameScheduler(throttle, resolve);
        wake = () => {
          scheduler.cancel();
          resolve();
        };
        scheduler.request();
      });
      if (dirty && !ended) {
        dirty = false;
        yield acc.current();
      }
    }
    yield acc.current();
  } finally {
    // The consumer stopped early (break or return()): stop reading the source and let it close.
    if (!ended) {
      stopped = true;
      void close().catch(() => undefined);
    }
  }
}
