import type { StreamPart } from '../message/types.js';

/**
 * One stream `race` or `fanOut` may start: typically a model behind
 * `decodeProvider(name, streamSSE(url, { ...init, signal }))`. `start` must stop when `signal` aborts.
 */
export interface StreamCandidate {
  /** Names the candidate in events, in `fanOut`'s labels and in the circuit breaker. */
  id: string;
  start(signal: AbortSignal): AsyncIterable<StreamPart>;
}

/**
 * Throws when two candidates share an id: events, labels and breakers would mix them up.
 *
 * @example assertUniqueIds([{ id: 'a', start }, { id: 'a', start }], 'race'); // TypeError: race: two candidates have the id "a"…
 */
export function assertUniqueIds(candidates: readonly StreamCandidate[], caller: string): void {
  const seen = new Set<string>();
  for (const { id } of candidates) {
    if (seen.has(id)) throw new TypeError(`${caller}: two candidates have the id "${id}"; ids must be unique.`);
    seen.add(id);
  }
}
