import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTH, MODEL, WHOLE, runEnd, startRelayStack, type RelayStack } from '../../test/relay-stack.js';
import { messageText, type StreamState } from './stream-state.js';
import { createStreamStore, type StreamStoreOptions } from './stream-store.js';
import { whenState } from '../../test/when-state.js';

let stack: RelayStack;
beforeEach(async () => {
  stack = await startRelayStack();
});
afterEach(async () => {
  await stack.close();
});

const body = { model: MODEL, max_tokens: 256, stream: true, messages: [{ role: 'user', content: 'Hello' }] };
const options = (extra: Partial<StreamStoreOptions> = {}): StreamStoreOptions => ({
  url: stack.url,
  provider: 'anthropic',
  headers: AUTH,
  body,
  throttle: 1,
  ...extra,
});

const midAnswer = (state: StreamState): boolean => state.text.split(' ').length >= 10;
const ended = (state: StreamState): boolean => ['done', 'interrupted', 'error', 'aborted'].includes(state.status);

describe('a stream store through @rill/relay', () => {
  it('shows the run the relay announced, its last event id moving with the text, until the stream ends', async () => {
    const store = createStreamStore(options());
    store.start();
    const first = await whenState(store, (state) => state.run !== undefined);
    expect(first.run).toEqual({
      runId: expect.stringMatching(/^run_/),
      resumeUrl: expect.stringMatching(/\/rill\/runs\/run_/),
      stopUrl: expect.stringMatching(/\/stop$/),
      startId: expect.any(String),
      lastEventId: first.run?.startId,
    });
    const mid = await whenState(store, midAnswer);
    expect(mid.run).toMatchObject({
      runId: first.run?.runId,
      startId: first.run?.startId,
      lastEventId: expect.not.stringMatching(`^${first.run?.startId}$`),
    });
    const final = await whenState(store, ended);
    expect(final.status).toBe('done');
    expect(final.run).toBeUndefined();
  });

  it('a new store attached to a run kept mid-answer (with its message) ends with the message an unbroken run gives, showing the kept text at once', async () => {
    const first = createStreamStore(options());
    first.start();
    const kept = await whenState(first, midAnswer);
    first.dispose();
    if (kept.run === undefined || kept.message === undefined) throw new Error('nothing to keep');

    const texts: string[] = [];
    const second = createStreamStore(options({ body: undefined }));
    second.subscribe(() => texts.push(second.getSnapshot().text));
    second.attach(kept.run, kept.message);
    const final = await whenState(second, ended);

    expect(final.message).toEqual(WHOLE);
    expect(texts[0]).toBe(kept.text);
    expect(
      texts.every((text, i) => messageText(WHOLE).startsWith(text) && text.length >= (texts[i - 1]?.length ?? 0)),
    ).toBe(true);
    expect(stack.requests.filter((r) => r.startsWith('POST /v1/messages'))).toHaveLength(1);
    expect(stack.stops()).toEqual([]);
  });

  it('stop() sends one stop request for the run; dispose() sends none', async () => {
    const stopped = createStreamStore(options());
    stopped.start();
    const { run } = await whenState(stopped, midAnswer);
    stopped.stop();
    stopped.stop();
    expect(await runEnd(run?.resumeUrl ?? '')).toEqual({ status: 'aborted' });

    const disposed = createStreamStore(options());
    disposed.start();
    const other = (await whenState(disposed, midAnswer)).run;
    disposed.dispose();
    expect(await runEnd(other?.resumeUrl ?? '')).toEqual({ status: 'done' });
    expect(stack.stops()).toEqual([`POST /rill/runs/${run?.runId}/stop`]);
  });

  it('a start() that replaces a running stream stops its run', async () => {
    const store = createStreamStore(options());
    store.start();
    const { run } = await whenState(store, midAnswer);
    store.start();
    expect(await runEnd(run?.resumeUrl ?? '')).toEqual({ status: 'aborted' });
    expect((await whenState(store, ended)).message).toEqual(WHOLE);
    expect(stack.stops()).toEqual([`POST /rill/runs/${run?.runId}/stop`]);
  });

  it('without a run announced (the provider itself, no relay), stop() is a local abort: no request follows', async () => {
    const sent: string[] = [];
    const store = createStreamStore(
      options({
        url: `${stack.mock.url}/v1/messages`,
        fetch: (input, init) => {
          sent.push(`${init?.method} ${String(input)}`);
          return fetch(input, init);
        },
      }),
    );
    store.start();
    await whenState(store, midAnswer);
    store.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.getSnapshot().status).toBe('aborted');
    expect(sent).toEqual([`POST ${stack.mock.url}/v1/messages`]);
  });
});
