import { accumulatorWith, type MessageAccumulator } from './accumulator-with.js';
import { createToolInput } from './tool-input.js';

export type { MessageAccumulator } from './accumulator-with.js';

/**
 * Creates the synchronous, push-based message accumulator that {@link accumulate} and the stores run on.
 *
 * @example
 * const acc = createMessageAccumulator();
 * acc.push({ type: 'text-delta', id: 't', delta: 'Hi' });
 * acc.current().parts; // [{ type: 'text', text: 'Hi' }]
 */
export function createMessageAccumulator(): MessageAccumulator {
  return accumulatorWith(createToolInput);
}
