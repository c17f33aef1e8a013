import { errorValueOf, type RillErrorValue } from '../errors.js';
import { isTokenPart, type StreamPart } from '../message/types.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import { assertUniqueIds, type StreamCandidate } from './stream-candidate.js';
import { abortedPart, closeQuietly } from './stream-errors.js';

/** What happened during a race, in order; the UI shows it and `useRace` keeps the winner. */
export type RaceEvent =
  | { type: 'start'; id: string }
  /** `id` is started because `from` had no token in time (`timeout`) or failed before one (`failure`). */
  | { type: 'fallback'; id: string; from: string; reason: 'timeout' | 'failure' }
  /** `id` failed before its first token (an error part, a throw, or an end without `done`). */
  | { type: 'failure'; id: string; error: RillErrorValue }
  | { type: 'winner'; id: string }
  /** `id` was still running when the race was decided or aborted: its signal fired. */
  | { type: 'abort'; id: string }
  /** `id` was skipped: its circuit breaker is open (or its half-open trial is taken). */
  | { type: 'breaker-open'; id: string };

export interface RaceOptions {
  /** How long a started candidate may go without a token before the next one starts, ms. */
  ttftTimeoutMs: number;
  /** Aborts every running candidate; the race then ends with an `aborted` error part. */
  signal?: AbortSignal | undefined;
  /**
   * Skips candidates whose circuit is open. A failure before the first token counts against a
   * candidate, and so does losing after its own deadline passed; winning (first token) is a success.
   */
  breaker?: CircuitBreaker | undefined;
  onEvent?: ((event: RaceEvent) => void) | undefined;
}

interface Runner {
  id: string;
  controller: AbortController;
  /** Parts held back until this runner wins: nothing from a loser ever reaches the caller. */
  buffer: StreamPart[];
  timer?: ReturnType<typeof setTimeout>;
  /** Its first-token deadline passed. */
  overdue: boolean;
}

type Outcome =
  | { kind: 'winner'; runner: Runner; iterator: AsyncIterator<StreamPart> }
  | { kind: 'failed'; error: RillErrorValue }
  | { kind: 'aborted' };

/**
 * Races model streams for the first token. Candidates start in order: the first at once, each
 * next one when every running candidate has passed `ttftTimeoutMs` without a token, or at once
 * when the newest one fails before its first token. The first candidate to produce a token (or
 * to finish with `done`) wins: its parts are yielded from the start, every other candidate is
 * aborted through its signal and none of its parts leak. When all fail, the race yields a single
 * error part with the last error (`circuit-open` when the breaker skipped them all).
 * Candidates start when iteration starts; stopping iteration aborts them all.
 *
 * @example
 * const breaker = createCircuitBreaker();
 * const model = (id: string, body: string): StreamCandidate => ({
 *   id,
 *   start: (signal) => decodeProvider('openai-chat', streamSSE(url, { method: 'POST', body, signal })),
 * });
 * for await (const part of race([model('gpt-fast', a), model('gpt-backup', b)], { ttftTimeoutMs: 1500, breaker, onEvent: console.log })) render(part);
 */
export function race(
  candidates: readonly StreamCandidate[],
  options: RaceOptions,
): AsyncGenerator<StreamPart, void, undefined> {
  if (candidates.length === 0) throw new TypeError('race: needs at least one candidate.');
  assertUniqueIds(candidates, 'race');
  if (!(options.ttftTimeoutMs >= 0))
    throw new RangeError(`race: ttftTimeoutMs must be a number ≥ 0, got ${options.ttftTimeoutMs}.`);
  return runRace(candidates, options);
}

async function* runRace(
  candidates: readonly StreamCandidate[],
  options: RaceOptions,
): AsyncGenerator<StreamPart, void, undefined> {
  const { ttftTimeoutMs, signal, breaker, onEvent } = options;
  // A function, so that TypeScript does not keep the narrowing from the first check.
  const isAborted = () => signal?.aborted === true;
  if (isAborted()) {
    yield abortedPart();
    return;
  }
  const running = new Set<Runner>();
  const waiting = [...candidates];
  let lastError: RillErrorValue | undefined;
  let decided = false;
  let resolveOutcome: (outcome: Outcome) => void = () => undefined;
  const outcome = new Promise<Outcome>((resolve) => (resolveOutcome = resolve));
  // Wakes the winner's pending read when the caller aborts, even if the candidate ignores its signal.
  let wakeOnAbort: (() => void) | undefined;

  const settle = (result: Outcome) => {
    if (decided) return;
    decided = true;
    if (result.kind === 'winner') onEvent?.({ type: 'winner', id: result.runner.id });
    for (const runner of running) {
      clearTimeout(runner.timer);
      if (result.kind === 'winner' && runner === result.runner) continue;
      runner.controller.abort();
      onEvent?.({ type: 'abort', id: runner.id });
      if (result.kind === 'winner' && runner.overdue) breaker?.recordFailure(runner.id);
      else breaker?.release(runner.id);
    }
    running.clear();
    resolveOutcome(result);
  };

  const startNext = (after?: { from: string; reason: 'timeout' | 'failure' }) => {
    for (let candidate = waiting.shift(); candidate !== undefined; candidate = waiting.shift()) {
      if (breaker !== undefined && !breaker.tryAcquire(candidate.id)) {
        onEvent?.({ type: 'breaker-open', id: candidate.id });
        continue;
      }
      if (after !== undefined) onEvent?.({ type: 'fallback', id: candidate.id, ...after });
      launch(candidate);
      return;
    }
    if (running.size === 0) {
      settle({
        kind: 'failed',
        error: lastError ?? {
          kind: 'circuit-open',
          message: `Every candidate is cooling down after repeated failures: ${candidates.map((c) => c.id).join(', ')}.`,
          retryable: true,
        },
      });
    }
  };

  const fail = (runner: Runner, error: RillErrorValue) => {
    clearTimeout(runner.timer);
    running.delete(runner);
    lastError = error;
    onEvent?.({ type: 'failure', id: runner.id, error });
    breaker?.recordFailure(runner.id);
    // Overdue runners keep their chance, but only a candidate still inside its deadline makes waiting worthwhile.
    if (![...running].some((other) => !other.overdue)) startNext({ from: runner.id, reason: 'failure' });
  };

  const win = (runner: Runner, iterator: AsyncIterator<StreamPart>) => {
    breaker?.recordSuccess(runner.id);
    settle({ kind: 'winner', runner, iterator });
  };

  const pump = async (runner: Runner, candidate: StreamCandidate) => {
    try {
      const iterator = candidate.start(runner.controller.signal)[Symbol.asyncIterator]();
      for (;;) {
        const step = await iterator.next();
        if (decided) {
          closeQuietly(iterator);
          return;
        }
        if (step.done === true) {
          if (runner.buffer.some((part) => part.type === 'done')) win(runner, iterator);
          else
            fail(runner, {
              kind: 'interrupted',
              message: `${runner.id} ended before its first token.`,
              retryable: true,
            });
          return;
        }
        runner.buffer.push(step.value);
        if (step.value.type === 'error') {
          closeQuietly(iterator);
          fail(runner, step.value.error);
          return;
        }
        if (isTokenPart(step.value)) {
          win(runner, iterator);
          return;
        }
      }
    } catch (error) {
      if (!decided) fail(runner, errorValueOf(error, 'connecting'));
    }
  };

  const launch = (candidate: StreamCandidate) => {
    const runner: Runner = { id: candidate.id, controller: new AbortController(), buffer: [], overdue: false };
    running.add(runner);
    onEvent?.({ type: 'start', id: candidate.id });
    runner.timer = setTimeout(() => {
      runner.overdue = true;
      startNext({ from: runner.id, reason: 'timeout' });
    }, ttftTimeoutMs);
    void pump(runner, candidate);
  };

  const onAbort = () => {
    settle({ kind: 'aborted' });
    wakeOnAbort?.();
  };
  signal?.addEventListener('abort', onAbort, { once: true });

  let winner: Extract<Outcome, { kind: 'winner' }> | undefined;
  let finished = false;
  try {
    startNext();
    const result = await outcome;
    if (result.kind !== 'winner') {
      yield result.kind === 'failed' ? { type: 'error', error: result.error } : abortedPart();
      return;
    }
    winner = result;
    const { iterator, runner } = result;
    const buffer = runner.buffer;
    runner.buffer = [];
    for (const part of buffer) {
      if (isAborted()) break;
      yield part;
    }
    for (;;) {
      if (isAborted()) {
        yield abortedPart();
        return;
      }
      const step =
        signal === undefined
          ? await iterator.next()
          : await new Promise<IteratorResult<StreamPart> | 'aborted'>((resolve, reject) => {
              wakeOnAbort = () => resolve('aborted');
              iterator.next().then(resolve, reject);
            });
      if (step === 'aborted') {
        yield abortedPart();
        return;
      }
      if (step.done === true) {
        finished = true;
        return;
      }
      yield step.value;
    }
  } catch (error) {
    finished = true;
    // The winner's stream broke after its first token.
    yield { type: 'error', error: errorValueOf(error, 'reading') };
  } finally {
    signal?.removeEventListener('abort', onAbort);
    settle({ kind: 'aborted' });
    if (winner !== undefined && !finished) {
      winner.runner.controller.abort();
      onEvent?.({ type: 'abort', id: winner.runner.id });
      closeQuietly(winner.iterator);
    }
  }
}
