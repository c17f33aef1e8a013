import { errorValueOf, type RillErrorValue } from '../errors.js';
import { createMessageAccumulator } from './message-accumulator.js';
import type { Message, StreamPart } from './types.js';

/**
 * Folds stream parts into the final {@link Message}, calling `onSnapshot` with an immutable snapshot
 * after each part. It never rejects: a throwing source or one that stops without `done`/`error`
 * ends the message as interrupted (or aborted, per the error), keeping every part that arrived.
 *
 * @example
 * const message = await accumulate(decodeProvider('openai-chat', readSSE(res)), (m) => render(m));
 */
export async function accumulate(
  parts: AsyncIterable<StreamPart>,
  onSnapshot?: (m: Message) => void,
): Promise<Message> {
  const acc = createMessageAccumulator();
  const push = (part: StreamPart): void => {
    acc.push(part);
    onSnapshot?.(acc.current());
  };
  let failure: RillErrorValue | undefined;
  try {
    for await (const part of parts) push(part);
  } catch (err) {
    failure = errorValueOf(err, 'reading');
  }
  if (acc.current().status === 'streaming') {
    acc.end(failure);
    onSnapshot?.(acc.current());
  }
  return acc.current();
}
