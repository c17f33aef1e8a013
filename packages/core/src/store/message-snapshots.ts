import { toErrorValue } from '../message/error-value.js';
import { createMessageAccumulator } from '../message/message-accumulator.js';
import type { Message, StreamPart } from '../message/types.js';
import { createFrameScheduler, type Throttle } from './frame-scheduler.js';

/**
 * Turns parts into message snapshots, at most one per frame (or `throttle` ms), the final one
 * always last: for consumers that store every yielded value, such as TanStack Query's
 * `streamedQuery`, which would otherwise write its cache once per token.
 *
 * @example
 * for await (const message of messageSnapshots(decodeProvider('anthropic', streamSSE(url, init)))) render(message);
 */
export async function* messageSnapshots(parts: AsyncIterable<StreamPart>, throttle: Throttle = 'frame'): AsyncGenerator<Message, void, undefined> {
  const acc = createMessageAccumulator();
  let dirty = false;
  let ended = false;
  let wake: (() => void) | undefined;
  const pump = async (): Promise<void> => {
    try {
      for await (const part of parts) {
        acc.push(part);
        dirty = true;
        if (acc.current().status !== 'streaming') break;
      }
    } catch (err) {
      acc.push({ type: 'error', error: toErrorValue(err) });
    }
    if (acc.current().status === 'streaming') acc.push({ type: 'error', error: { kind: 'interrupted', message: 'The stream ended before the provider finished it.', retryable: true } });
    ended = true;
    wake?.();
  };
  void pump();
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
}
