import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTH, MODEL, MemoryStorage, WHOLE, runEnd, startRelayStack, type RelayStack } from '../../test/relay-stack.js';
import { messageText } from '../store/stream-state.js';
import {
  createChatController,
  storagePersistence,
  type ChatController,
  type ChatControllerOptions,
  type ChatMessage,
  type ChatPersistence,
  type ChatState,
} from './index.js';
import { whenState } from '../../test/when-state.js';

let stack: RelayStack;
afterEach(async () => {
  await stack.close();
});

const options = (persistence: ChatPersistence, extra: Partial<ChatControllerOptions> = {}): ChatControllerOptions => ({
  provider: 'anthropic',
  url: stack.url,
  model: MODEL,
  headers: AUTH,
  throttle: 1,
  retry: { baseDelayMs: 1, maxDelayMs: 5 },
  persistence,
  ...extra,
});

const lastAnswer = (messages: ChatMessage[]) => {
  const last = messages[messages.length - 1];
  return last?.role === 'assistant' ? last : undefined;
};
const answerText = (state: ChatState): string => messageText(lastAnswer(state.messages)?.message);
const midAnswer = (state: ChatState): boolean => answerText(state).split(' ').length >= 10;
const saved = (storage: MemoryStorage): ChatMessage[] => JSON.parse(storage.getItem('chat:a') ?? '[]') as ChatMessage[];

/** Creates a controller (a page loading the conversation) and resolves when its turn ends, with every answer text it showed on the way. */
function reload(opts: ChatControllerOptions): Promise<{ final: ChatState; shown: string[]; chat: ChatController }> {
  return new Promise((resolve) => {
    const shown: string[] = [];
    const chat: ChatController = createChatController({
      ...opts,
      onFinish: (final) => resolve({ final, shown, chat }),
    });
    shown.push(answerText(chat.getSnapshot()));
    chat.subscribe(() => shown.push(answerText(chat.getSnapshot())));
  });
}

/** Starts a turn and leaves the page mid-answer (an unmount, or a reload's pagehide, saves the answer with its run). */
async function leaveMidAnswer(storage: MemoryStorage): Promise<ChatMessage & { role: 'assistant' }> {
  const chat = createChatController(options(storagePersistence(storage, 'chat:a')));
  chat.send('Hello');
  await whenState(chat, midAnswer);
  chat.dispose();
  const answer = lastAnswer(saved(storage));
  if (answer === undefined) throw new Error('no answer was saved');
  return answer;
}

describe('a chat through @rill/relay, reloaded mid-answer', () => {
  beforeEach(async () => {
    stack = await startRelayStack();
  });

  it('re-attaches in a new controller on the same storage and ends with the message an unbroken run gives; the text shown never goes back', async () => {
    const storage = new MemoryStorage();
    const before = await leaveMidAnswer(storage);
    expect(before.message.status).toBe('streaming');
    expect(before.run).toMatchObject({
      runId: expect.stringMatching(/^run_/),
      resumeUrl: expect.stringContaining('/rill/runs/'),
      stopUrl: expect.stringMatching(/\/stop$/),
    });
    // Kept in the conversation's own key, not in one global key.
    expect([...storage.items.keys()]).toEqual(['chat:a']);
    const kept = messageText(before.message);
    expect(kept.split(' ').length).toBeGreaterThanOrEqual(10);

    const { final, shown } = await reload(options(storagePersistence(storage, 'chat:a')));

    expect(final.status).toBe('done');
    expect(final.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(lastAnswer(final.messages)).toMatchObject({ id: before.id, message: WHOLE });
    const whole = messageText(WHOLE);
    expect(shown[0]).toBe(kept);
    shown.forEach((text, i) => {
      expect(whole.startsWith(text)).toBe(true);
      expect(text.length).toBeGreaterThanOrEqual(shown[i - 1]?.length ?? 0);
    });
    // An unmount or a reload is not a stop; the ended answer is saved without its run.
    expect(stack.stops()).toEqual([]);
    expect(lastAnswer(saved(storage))).toEqual({
      id: before.id,
      role: 'assistant',
      message: WHOLE,
      metrics: expect.any(Object),
    });
  });

  it('rebuilds the whole answer from a conversation saved only when the run was announced (a page that died before it could save again)', async () => {
    const storage = new MemoryStorage();
    const chat = createChatController(options(storagePersistence(storage, 'chat:a')));
    chat.send('Hello');
    await whenState(chat, midAnswer);
    const died = storage.copy();
    chat.dispose();
    const before = lastAnswer(saved(died));
    expect(before?.run?.lastEventId).toBe(before?.run?.startId);

    const { final } = await reload(options(storagePersistence(died, 'chat:a')));

    expect(final.status).toBe('done');
    expect(lastAnswer(final.messages)?.message).toEqual(WHOLE);
  });

  it('ends the answer interrupted, keeping its text, when the relay no longer has the run (404)', async () => {
    const storage = new MemoryStorage();
    const origin = new URL(stack.url).origin;
    const answer: ChatMessage = {
      id: 'a1',
      role: 'assistant',
      message: { role: 'assistant', status: 'streaming', parts: [{ type: 'text', text: 'word0 word1' }] },
      run: {
        runId: 'run_gone',
        resumeUrl: `${origin}/rill/runs/run_gone`,
        stopUrl: `${origin}/rill/runs/run_gone/stop`,
        startId: '0',
        lastEventId: '4',
      },
    };
    storage.setItem('chat:a', JSON.stringify([{ id: 'u1', role: 'user', text: 'Hello' }, answer]));

    const { final, shown } = await reload(options(storagePersistence(storage, 'chat:a')));

    expect(shown.every((text) => text === 'word0 word1')).toBe(true);
    expect(final.status).toBe('interrupted');
    expect(lastAnswer(final.messages)).toMatchObject({
      id: 'a1',
      message: {
        status: 'interrupted',
        parts: [{ type: 'text', text: 'word0 word1' }],
        error: { kind: 'interrupted', status: 404 },
      },
    });
    expect(lastAnswer(saved(storage))).not.toHaveProperty('run');
  });

  it('can be stopped once re-attached: exactly one POST to the saved stop URL, and the run ends aborted upstream', async () => {
    const storage = new MemoryStorage();
    const before = await leaveMidAnswer(storage);
    const chat = createChatController(options(storagePersistence(storage, 'chat:a')));
    await whenState(chat, (state) => answerText(state).length > messageText(before.message).length);
    chat.stop();
    chat.stop();

    expect(chat.getSnapshot().status).toBe('aborted');
    expect(await runEnd(before.run?.resumeUrl ?? '')).toEqual({ status: 'aborted' });
    expect(stack.stops()).toEqual([`POST ${new URL(before.run?.stopUrl ?? '').pathname}`]);
  });

  it('opens no connection before it is subscribed to (React StrictMode creates a controller it drops), showing the saved answer connecting', async () => {
    const storage = new MemoryStorage();
    const before = await leaveMidAnswer(storage);
    const sent = stack.requests.length;
    const chat = createChatController(options(storagePersistence(storage, 'chat:a')));
    expect(chat.getSnapshot()).toMatchObject({
      status: 'connecting',
      messages: [
        { role: 'user', text: 'Hello' },
        { id: before.id, message: before.message },
      ],
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stack.requests).toHaveLength(sent);

    chat.subscribe(() => undefined);
    const final = await whenState(chat, (state) => state.status === 'done');
    expect(lastAnswer(final.messages)).toMatchObject({ id: before.id, message: WHOLE });
    expect(stack.requests.slice(sent)).toEqual([`GET /rill/runs/${before.run?.runId}`]);
  });

  it('after the load of an async persistence, a message sent meanwhile ends the saved answer where it was, and streams', async () => {
    const storage = new MemoryStorage();
    const before = await leaveMidAnswer(storage);
    const sync = storagePersistence(storage, 'chat:a');
    let release = (): void => undefined;
    const loaded = new Promise<void>((resolve) => (release = resolve));
    const slow: ChatPersistence = {
      load: async () => (await loaded, sync.load()),
      save: (messages) => sync.save(messages),
    };
    const chat = createChatController(options(slow, { onFinish: (state) => finished(state) }));
    let finished: (state: ChatState) => void = () => undefined;
    const final = new Promise<ChatState>((resolve) => (finished = resolve));
    chat.send('Something else');
    release();

    const { messages, status } = await final;
    expect(status).toBe('done');
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(messages[1]).toEqual({
      id: before.id,
      role: 'assistant',
      message: { ...before.message, status: 'interrupted', error: expect.objectContaining({ kind: 'interrupted' }) },
    });
    expect(lastAnswer(messages)?.message).toEqual(WHOLE);
  });
});

describe('a chat through @rill/relay, stopped', () => {
  beforeEach(async () => {
    stack = await startRelayStack();
  });

  it("sends exactly one POST to the run's stop URL, with the app's headers, and the generation ends aborted upstream", async () => {
    const storage = new MemoryStorage();
    const chat = createChatController(options(storagePersistence(storage, 'chat:a')));
    chat.send('Hello');
    await whenState(chat, midAnswer);
    const run = lastAnswer(saved(storage))?.run;
    chat.stop();
    chat.stop();

    expect(chat.getSnapshot().status).toBe('aborted');
    // Only the owner's stop is accepted: without the app's authorization header the run would have run on.
    expect(await runEnd(run?.resumeUrl ?? '')).toEqual({ status: 'aborted' });
    expect(stack.stops()).toEqual([`POST /rill/runs/${run?.runId}/stop`]);
    expect(lastAnswer(saved(storage))).toMatchObject({ message: { status: 'aborted' } });
    expect(lastAnswer(saved(storage))).not.toHaveProperty('run');
  });

  it('a dropped connection is not a stop: the answer resumes to its end and no stop is sent', async () => {
    let cut = false;
    // The first response breaks after a few chunks, as a connection reset does.
    const cutOnce: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (cut || init?.method !== 'POST' || response.body === null) return response;
      cut = true;
      const reader = response.body.getReader();
      let chunks = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const chunk = await reader.read();
          if (chunk.done || ++chunks > 5) {
            void reader.cancel();
            controller.error(new TypeError('connection reset'));
          } else controller.enqueue(chunk.value);
        },
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const { final } = await new Promise<{ final: ChatState }>((resolve) => {
      const chat = createChatController({
        ...options(storagePersistence(new MemoryStorage(), 'chat:a'), { fetch: cutOnce }),
        onFinish: (state) => resolve({ final: state }),
      });
      chat.send('Hello');
    });

    expect(cut).toBe(true);
    expect(final.status).toBe('done');
    expect(lastAnswer(final.messages)?.message).toEqual(WHOLE);
    expect(final.metrics?.reconnects).toBe(1);
    expect(stack.stops()).toEqual([]);
  });
});

describe('a saved run that has expired', () => {
  beforeEach(async () => {
    stack = await startRelayStack({ log: { endedTtlMs: 1 } });
  });

  it('ends the answer interrupted, keeping its text (410)', async () => {
    const storage = new MemoryStorage();
    const before = await leaveMidAnswer(storage);
    expect(await runEnd(before.run?.resumeUrl ?? '')).toEqual({ status: 'done' });
    await vi.waitFor(async () =>
      expect((await fetch(before.run?.resumeUrl ?? '', { headers: AUTH })).status).toBe(410),
    );

    const { final } = await reload(options(storagePersistence(storage, 'chat:a')));

    expect(final.status).toBe('interrupted');
    expect(lastAnswer(final.messages)?.message).toMatchObject({
      status: 'interrupted',
      parts: before.message.parts,
      error: { kind: 'interrupted', status: 410 },
    });
  });
});
