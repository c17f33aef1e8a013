import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  accumulate,
  decodeProvider,
  isRillError,
  stopRun,
  streamSSE,
  type Message,
  type ProviderName,
  type RunInfo,
} from '@rill/core';
import type { EventLog } from '../src/index.js';
import { redisLog } from './support/redis-log.js';
import { providerCall, startStack, type RelayStack } from './support/relay-stack.js';

const stacks: RelayStack[] = [];
afterEach(async () => {
  await Promise.all(stacks.splice(0).map((s) => s.close()));
});

/**
 * A fetch whose i-th response body breaks (an error, the connection closed) after `cuts[i]` bytes
 * past its first event, possibly mid-event; responses past the cuts are left whole.
 */
function cuttingFetch(cuts: readonly number[]): { fetch: typeof fetch; requests: string[] } {
  const requests: string[] = [];
  const cutting: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const budget = cuts[requests.length];
    requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
    if (budget === undefined || response.body === null) return response;
    const reader = response.body.getReader();
    let seen = new Uint8Array(0);
    let limit = Number.POSITIVE_INFINITY;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        const start = seen.length;
        const joined = new Uint8Array(start + value.length);
        joined.set(seen);
        joined.set(value, start);
        seen = joined;
        if (limit === Number.POSITIVE_INFINITY) {
          const firstEnd = new TextDecoder().decode(seen).indexOf('\n\n');
          if (firstEnd >= 0) limit = firstEnd + 2 + budget;
        }
        if (seen.length < limit) return controller.enqueue(value);
        controller.enqueue(value.subarray(0, Math.max(0, limit - start)));
        await reader.cancel();
        controller.error(new TypeError('connection reset (cut by the test)'));
      },
      cancel: () => reader.cancel(),
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return { fetch: cutting, requests };
}

// A cut that delivers no new event still counts toward the retry streak: room for five in a row.
async function message(stack: RelayStack, doFetch: typeof fetch): Promise<Message> {
  const { path, body } = providerCall(stack.provider);
  const events = streamSSE(`${stack.server.url}${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-user': 'alice' },
    fetch: doFetch,
    retry: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 10 },
  });
  return accumulate(decodeProvider(stack.provider, events));
}

const logs: [string, () => Promise<EventLog | undefined>][] = [
  ['the memory log', async () => undefined],
  ['a Redis log', () => redisLog()],
];
const cases: [ProviderName, string][] = [
  ['anthropic', 'reasoning'],
  ['openai-chat', 'tool-call'],
  ['openai-responses', 'parallel-tool-calls'],
  ['gemini', 'text'],
];

describe.each(logs)('streamSSE + decodeProvider + accumulate through the relay on %s', (_, makeLog) => {
  for (const [provider, scenario] of cases) {
    it(`${provider} (${scenario}): cut N times mid-answer, the Message is the one an unbroken run gives`, async () => {
      const log = await makeLog();
      const stack = await startStack({
        provider,
        mock: { scenario, timing: { ttftMs: 0, tokenDelayMs: 1, jitterMs: 0 } },
        relay: { ...(log !== undefined && { log }) },
      });
      stacks.push(stack);
      const whole = await message(stack, fetch);
      expect(whole.status).toBe('done');
      await fc.assert(
        fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 5 }), async (cuts) => {
          const cutting = cuttingFetch(cuts);
          expect(await message(stack, cutting.fetch)).toEqual(whole);
          // One POST, then only resumes (GET with Last-Event-ID): the generation was never started twice.
          expect(cutting.requests[0]).toBe(`POST ${new URL(providerCall(provider).path, 'http://x').pathname}`);
          expect(cutting.requests.slice(1).every((r) => r.startsWith('GET /rill/runs/run_'))).toBe(true);
        }),
        { numRuns: 6 },
      );
    });
  }

  it("stopRun from @rill/core with the announced stop URL: the upstream stops and the client's stream ends aborted", async () => {
    const log = await makeLog();
    const stack = await startStack({
      mock: { timing: { ttftMs: 0, tokenDelayMs: 20, jitterMs: 0 } },
      relay: { ...(log !== undefined && { log }) },
    });
    stacks.push(stack);
    const { path, body } = providerCall('anthropic');
    let run: RunInfo | undefined;
    const stopped: boolean[] = [];
    const events = streamSSE(`${stack.server.url}${path}`, {
      method: 'POST',
      body,
      headers: { 'x-user': 'alice' },
      onRun: (info) => (run ??= info),
    });
    let seen = 0;
    const failure = await (async () => {
      try {
        for await (const _ of events) {
          seen += 1;
          if (seen === 3 && run !== undefined)
            stopped.push(await stopRun(run.stopUrl, { headers: { 'x-user': 'alice' } }));
        }
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    expect(stopped).toEqual([true]);
    expect(isRillError(failure) && failure.kind).toBe('aborted');
    expect(seen).toBeLessThan(20);
    expect(await stopRun(run?.stopUrl ?? '', { headers: { 'x-user': 'mallory' } })).toBe(false);
  });
});
