import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { ProviderName } from '@rill/core';
import type { EventLog } from '../src/index.js';
import { redisLog } from './support/redis-log.js';
import {
  announced,
  bodyReader,
  directEvents,
  endOf,
  providerEvents,
  readEvents,
  resume,
  startStack,
  stop,
  type RelayStack,
  type StackOptions,
} from './support/relay-stack.js';

const stacks: RelayStack[] = [];
afterEach(async () => {
  await Promise.all(stacks.splice(0).map((s) => s.close()));
});

const providers: ProviderName[] = ['anthropic', 'openai-chat', 'openai-responses', 'gemini'];
const logs: [string, () => Promise<EventLog | undefined>][] = [
  ['the memory log', async () => undefined],
  ['a Redis log', () => redisLog()],
];

describe.each(logs)('a run through the relay on %s (mock upstream without ids)', (_, makeLog) => {
  async function stackOf(options: StackOptions = {}): Promise<RelayStack> {
    const log = await makeLog();
    const stack = await startStack({ ...options, relay: { ...(log !== undefined && { log }), ...options.relay } });
    stacks.push(stack);
    return stack;
  }

  for (const provider of providers) {
    it(`${provider}: rill-run first, the provider's events unchanged with an id each, rill-end done last`, async () => {
      const stack = await stackOf({ provider });
      const response = await stack.start();
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/event-stream');
      expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
      expect(response.headers.get('x-accel-buffering')).toBe('no');
      const events = await readEvents(response);
      const run = announced(events, stack.server.url);
      expect(run.runId).toMatch(/^run_[A-Za-z0-9_-]{22}$/);
      expect(new URL(run.resume).pathname).toBe(`/rill/runs/${run.runId}`);
      expect(new URL(run.stop).pathname).toBe(`/rill/runs/${run.runId}/stop`);
      expect(events.at(-1)).toMatchObject({ event: 'rill-end', data: '{"status":"done"}' });
      const ids = events.map((e) => e.id);
      expect(ids.every((id) => id !== '')).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      const direct = await directEvents(stack);
      expect(direct.every((e) => e.id === '')).toBe(true);
      expect(providerEvents(events).map(({ event, data }) => ({ event, data }))).toEqual(
        direct.map(({ event, data }) => ({ event, data })),
      );
    });
  }

  it('announces resume and stop under the path prefix the relay is mounted at', async () => {
    const stack = await stackOf();
    const response = await fetch(`${stack.server.url}/api/relay/v1/messages`, {
      method: 'POST',
      headers: { 'x-user': 'alice' },
      body: JSON.stringify({ model: 'm', max_tokens: 10, stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    });
    const run = announced(await readEvents(response), stack.server.url);
    expect(new URL(run.resume).pathname).toBe(`/api/relay/rill/runs/${run.runId}`);
    expect((await readEvents(await resume(run))).at(-1)?.event).toBe('rill-end');
  });

  it('sends rill-run before the model writes its first token', async () => {
    const stack = await stackOf({ mock: { timing: { ttftMs: 1_000, tokenDelayMs: 0, jitterMs: 0 } } });
    const started = performance.now();
    const response = await stack.start();
    const reader = bodyReader(response);
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(performance.now() - started).toBeLessThan(900);
    expect(first).toMatch(/^id: 0(-0)?\nevent: rill-run\ndata: \{"runId":"run_/);
    await reader.cancel();
  });

  it('sends a : ping comment while the run is quiet', async () => {
    const stack = await stackOf({
      relay: { heartbeatMs: 40 },
      mock: { timing: { ttftMs: 300, tokenDelayMs: 0, jitterMs: 0 } },
    });
    const text = await (await stack.start()).text();
    expect(text).toContain('\n\n: ping\n\n');
    expect(text.trimEnd()).toMatch(/event: rill-end\ndata: \{"status":"done"\}$/);
  });

  it('resumes after cuts with exactly the events after Last-Event-ID (any cut points)', async () => {
    const stack = await stackOf({ mock: { timing: { ttftMs: 0, tokenDelayMs: 1, jitterMs: 0 } } });
    const whole = await readEvents(await stack.start());
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 6 }), async (cuts) => {
        const first = await readEvents(await stack.start(), cuts[0]);
        const run = announced(first, stack.server.url);
        const got = [...first];
        for (const cut of [...cuts.slice(1), Number.POSITIVE_INFINITY]) {
          const again = await readEvents(await resume(run, got.at(-1)?.id), cut + 1);
          // Each response starts with a fresh rill-run whose id is the position it continues after.
          expect(again[0]).toMatchObject({ event: 'rill-run', id: got.at(-1)?.id });
          got.push(...again.slice(1));
          if (got.at(-1)?.event === 'rill-end') break;
        }
        const ids = got.map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(providerEvents(got).map((e) => e.data)).toEqual(providerEvents(whole).map((e) => e.data));
        expect(got.at(-1)?.data).toBe('{"status":"done"}');
      }),
      { numRuns: 12 },
    );
  });

  it('a dropped connection is not a stop: the generation goes on into the log and completes', async () => {
    const stack = await stackOf({ mock: { timing: { ttftMs: 0, tokenDelayMs: 5, jitterMs: 0 } } });
    const first = await readEvents(await stack.start(), 2);
    const run = announced(first, stack.server.url);
    await new Promise((resolve) => setTimeout(resolve, 400));
    // Nobody followed for 400 ms, and the run has already ended: a stop now only reports how.
    expect(await (await stop(run)).json()).toEqual({ runId: run.runId, status: 'done' });
    // Without Last-Event-ID a follower gets the run from its start: the whole answer was generated meanwhile.
    const whole = await readEvents(await resume(run));
    expect(whole.at(-1)).toMatchObject({ event: 'rill-end', data: '{"status":"done"}' });
    expect(providerEvents(whole).map((e) => e.data)).toEqual(
      providerEvents(await directEvents(stack)).map((e) => e.data),
    );
    // The mock saw its generation through to the end (the direct read above is its second).
    expect(stack.mock.stats()).toMatchObject({ started: 2, completed: 2, cancelled: 0 });
  });

  it('several followers at once (two tabs) each get the whole run live', async () => {
    const stack = await stackOf({ mock: { timing: { ttftMs: 50, tokenDelayMs: 3, jitterMs: 0 } } });
    const response = await stack.start();
    const reader = bodyReader(response);
    const head = new TextDecoder().decode((await reader.read()).value);
    const run = announced(await readEvents(new Response(head)), stack.server.url);
    const [second, third] = await Promise.all([
      resume(run).then((r) => readEvents(r)),
      resume(run).then((r) => readEvents(r)),
    ]);
    await reader.cancel();
    const expected = providerEvents(await directEvents(stack)).map((e) => e.data);
    expect(providerEvents(second).map((e) => e.data)).toEqual(expected);
    expect(providerEvents(third).map((e) => e.data)).toEqual(expected);
    expect(second.at(-1)?.data).toBe('{"status":"done"}');
  });

  it('stop by the owner aborts the upstream request and every follower gets rill-end aborted', async () => {
    const aborted: boolean[] = [];
    const stack = await stackOf({
      mock: { timing: { ttftMs: 0, tokenDelayMs: 20, jitterMs: 0 } },
      relay: {
        fetch: (input, init) => {
          init?.signal?.addEventListener('abort', () => aborted.push(true));
          return fetch(input, init);
        },
      },
    });
    const first = await readEvents(await stack.start(), 3);
    const run = announced(first, stack.server.url);
    const follower = resume(run, first.at(-1)?.id).then((r) => readEvents(r));
    const owner = await stop(run);
    expect(owner.status).toBe(202);
    expect(await owner.json()).toEqual({ runId: run.runId, status: 'stopping' });
    const events = await follower;
    expect(events.at(-1)).toMatchObject({ event: 'rill-end', data: '{"status":"aborted"}' });
    expect(aborted).toEqual([true]);
    await vi.waitFor(() => expect(stack.mock.stats()).toMatchObject({ started: 1, completed: 0, cancelled: 1 }));
    const late = await readEvents(await resume(run));
    expect(late.at(-1)?.data).toBe('{"status":"aborted"}');
    const again = await stop(run);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ runId: run.runId, status: 'aborted' });
  });

  it('a generation past the maximum duration is stopped and ends interrupted', async () => {
    const stack = await stackOf({
      relay: { maxDurationMs: 150 },
      mock: { timing: { ttftMs: 0, tokenDelayMs: 40, jitterMs: 0 } },
    });
    const events = await readEvents(await stack.start());
    expect(endOf(events)).toMatchObject({
      status: 'interrupted',
      error: { kind: 'interrupted', message: 'The answer took longer than the relay allows (150 ms)' },
    });
    expect(providerEvents(events).length).toBeGreaterThan(0);
  });

  it('an upstream that breaks mid-stream ends the run interrupted, keeping what arrived', async () => {
    const stack = await stackOf({ mock: { fault: 'drop-after=4' } });
    const events = await readEvents(await stack.start());
    expect(providerEvents(events)).toHaveLength(4);
    expect(endOf(events)).toMatchObject({ status: 'interrupted', error: { kind: 'interrupted', retryable: true } });
  });

  it('closing the relay ends its runs interrupted for their followers', async () => {
    const stack = await stackOf({ mock: { timing: { ttftMs: 0, tokenDelayMs: 30, jitterMs: 0 } } });
    const response = await stack.start();
    const reading = readEvents(response);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await stack.relay.close();
    const events = await reading;
    expect(endOf(events)).toMatchObject({
      status: 'interrupted',
      error: { message: 'The relay shut down before the answer was complete' },
    });
  });
});
