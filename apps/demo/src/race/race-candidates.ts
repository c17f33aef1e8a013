import {
  createCircuitBreaker,
  decodeProvider,
  stopRun,
  streamSSE,
  toProviderRequest,
  type StreamCandidate,
} from '@rill/core';
import { endpointFor } from '../mock/endpoints.js';

/** How the primary model misbehaves in the next race. */
export type PrimaryMode = 'healthy' | 'slow' | 'failing';

/** One breaker registry for the page's lifetime, so failures count across races. */
export const raceBreaker = createCircuitBreaker({ failureThreshold: 2, windowMs: 60_000, cooldownMs: 15_000 });

export const TTFT_TIMEOUT_MS = 800;

const primaryHeaders: Record<PrimaryMode, Record<string, string>> = {
  healthy: { 'x-rill-mock-timing': 'ttft=200;delay=30' },
  // Its first token comes long after the race's time-to-first-token limit.
  slow: { 'x-rill-mock-timing': 'ttft=3000;delay=30' },
  failing: { 'x-rill-mock-fault': '503;times=always' },
};

function model(id: string, modelName: string, headers: Record<string, string>): StreamCandidate {
  const body = JSON.stringify(
    toProviderRequest('openai-chat', { model: modelName, messages: [{ role: 'user', content: 'Answer the race.' }] }),
  );
  return {
    id,
    start: (signal) =>
      decodeProvider(
        'openai-chat',
        streamSSE(endpointFor('openai-chat', modelName), {
          method: 'POST',
          body,
          signal,
          retry: false,
          headers: {
            'content-type': 'application/json',
            'x-rill-mock-scenario': 'race',
            'x-rill-mock-key': id,
            ...headers,
          },
          // Behind the relay a dropped stream is not a stop: a candidate that loses is stopped upstream, or it would go on generating.
          onRun: (run) => signal.addEventListener('abort', () => void stopRun(run.stopUrl), { once: true }),
        }),
      ),
  };
}

/**
 * The two models of the race: a primary that can be made slow or failing, and a fallback.
 *
 * @example useRace({ candidates: raceCandidates('slow'), ttftTimeoutMs: TTFT_TIMEOUT_MS, breaker: raceBreaker });
 */
export function raceCandidates(mode: PrimaryMode): StreamCandidate[] {
  return [
    model('primary', 'gpt-5', primaryHeaders[mode]),
    model('fallback', 'gpt-5-mini', { 'x-rill-mock-timing': 'ttft=150;delay=30' }),
  ];
}
