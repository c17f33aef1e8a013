// @rill/mock depends on @rill/core: reached by path, as a devDependency it would make the workspace graph cyclic.
import type { MockProviderOptions } from '../../../mock/src/index.js';
import { createMockHandlers } from '../../../mock/src/msw/index.js';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { messageText } from '../store/stream-state.js';
import {
  createChatController,
  storagePersistence,
  type ChatController,
  type ChatControllerOptions,
  type ChatMessage,
  type ChatState,
  type ChatTool,
} from './index.js';
import type { StandardSchemaV1 } from '@rill/json';
import type { ToolCallPart } from '../message/index.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const serve = (options: MockProviderOptions): void => server.use(...createMockHandlers(options));

const base = {
  provider: 'anthropic' as const,
  url: 'https://mock.test/v1/messages',
  model: 'claude-test',
  maxTokens: 256,
};
const answer = 'Streams are measured while they are read, once.';
const usage = { inputTokens: 12, outputTokens: 42 };

/** Sends `text` and resolves with the state `onFinish` reports, plus every state published on the way. */
function converse(
  options: Omit<ChatControllerOptions, 'onFinish'>,
  text: string,
): Promise<{ final: ChatState; seen: ChatState[] }> {
  return new Promise((resolve) => {
    const seen: ChatState[] = [];
    const chat = createChatController({ ...options, throttle: 1, onFinish: (final) => resolve({ final, seen }) });
    chat.subscribe(() => seen.push(chat.getSnapshot()));
    chat.send(text);
  });
}

const assistants = (messages: ChatMessage[]) => messages.flatMap((m) => (m.role === 'assistant' ? [m] : []));

describe('chat controller metrics', () => {
  it('measures a turn: TTFB, TTFT, tokens, tokens/s and no reconnect, on the state and on the message', async () => {
    serve({
      scenario: { parts: [{ type: 'text', text: answer }], usage },
      timing: { ttftMs: 120, tokenDelayMs: 10, jitterMs: 0 },
    });
    const { final, seen } = await converse(base, 'Hello');

    expect(final.status).toBe('done');
    const metrics = final.metrics;
    expect(metrics).toMatchObject({ reconnects: 0, outputTokens: 42, ended: true, bufferingSuspected: false });
    expect(metrics?.ttfbMs).toBeLessThan(metrics?.ttftMs ?? 0);
    // The mock holds the first token back 120 ms; timers may fire a millisecond early.
    expect(metrics?.ttftMs).toBeGreaterThanOrEqual(115);
    expect(metrics?.tokenParts).toBeGreaterThan(3);
    expect(metrics?.tokensPerSecond).toBeGreaterThan(0);
    expect(metrics?.interTokenP50Ms).toBeGreaterThan(0);

    const [message] = assistants(final.messages);
    expect(messageText(message?.message)).toBe(answer);
    expect(message?.metrics).toEqual(metrics);
    // While the turn ran, the state already carried its live, unfinished metrics.
    expect(seen.some((s) => s.status === 'streaming' && s.metrics?.ended === false && s.metrics.tokenParts > 0)).toBe(
      true,
    );
  });

  it.each([
    ['a dropped connection resumed with Last-Event-ID', 'drop-after=4'],
    ['a 500 before the answer, retried', '500'],
  ])('counts the reconnect of %s, and the answer is whole', async (_name, fault) => {
    serve({
      scenario: { parts: [{ type: 'text', text: answer }], usage },
      timing: { ttftMs: 0, tokenDelayMs: 2, jitterMs: 0 },
    });
    // The mock resumes statelessly from the same POST plus Last-Event-ID: the chat names that resume target.
    const { final } = await converse(
      {
        ...base,
        headers: { 'x-rill-mock-fault': fault },
        retry: { baseDelayMs: 1, maxDelayMs: 5 },
        resume: { url: base.url, method: 'POST' },
      },
      'Hello',
    );

    expect(final.status).toBe('done');
    expect(final.metrics).toMatchObject({ reconnects: 1, outputTokens: 42, ended: true });
    expect(messageText(assistants(final.messages)[0]?.message)).toBe(answer);
  });

  it('gives each turn of a tool round-trip its own metrics; the state shows the last turn', async () => {
    serve({
      scenario: ({ body }) =>
        JSON.stringify(body).includes('tool_result')
          ? { parts: [{ type: 'text', text: 'It is sunny.' }], usage: { inputTokens: 30, outputTokens: 4 } }
          : {
              parts: [{ type: 'tool-call', toolCallId: 'call_1', toolName: 'get_weather', input: { city: 'Paris' } }],
              usage: { inputTokens: 20, outputTokens: 9 },
            },
      timing: { ttftMs: 0, tokenDelayMs: 0 },
    });
    const { final } = await converse({ ...base, tools: { get_weather: { execute: () => 'sunny' } } }, 'Weather?');

    const [toolTurn, answerTurn] = assistants(final.messages);
    expect(toolTurn?.metrics).toMatchObject({ outputTokens: 9, ended: true });
    expect(answerTurn?.metrics).toMatchObject({ outputTokens: 4, ended: true });
    expect(final.metrics).toEqual(answerTurn?.metrics);
  });

  it('has no metrics before the first turn, and none once the conversation is replaced', async () => {
    serve({ scenario: { parts: [{ type: 'text', text: answer }] }, timing: { ttftMs: 0, tokenDelayMs: 0 } });
    const chat = await new Promise<ReturnType<typeof createChatController>>((resolve) => {
      const created = createChatController({ ...base, onFinish: () => resolve(created) });
      expect(created.getSnapshot().metrics).toBeUndefined();
      created.send('Hello');
    });
    expect(chat.getSnapshot().metrics?.ended).toBe(true);
    chat.setMessages([]);
    expect(chat.getSnapshot().metrics).toBeUndefined();
  });
});

/** Resolves with the first published state `accept` takes (or the current one, if it does). */
function reach(chat: ChatController, accept: (state: ChatState) => boolean): Promise<ChatState> {
  return new Promise((resolve) => {
    if (accept(chat.getSnapshot())) return resolve(chat.getSnapshot());
    const off = chat.subscribe(() => {
      if (!accept(chat.getSnapshot())) return;
      off();
      resolve(chat.getSnapshot());
    });
  });
}

const settle = (ms = 30): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const callParts = (state: ChatState) =>
  assistants(state.messages).flatMap((m) => m.message.parts.filter((p) => p.type === 'tool-call'));

describe('chat controller tools', () => {
  const bodies: string[] = [];
  /** The first request answers with these tool calls, any request carrying a tool result with text. */
  const serveCalls = (calls: { id: string; name: string }[]): void => {
    bodies.length = 0;
    serve({
      scenario: ({ body }) => {
        const text = JSON.stringify(body);
        bodies.push(text);
        return text.includes('tool_result')
          ? { parts: [{ type: 'text', text: 'Done.' }] }
          : {
              parts: calls.map((c) => ({
                type: 'tool-call' as const,
                toolCallId: c.id,
                toolName: c.name,
                input: { id: c.id },
              })),
            };
      },
      timing: { ttftMs: 0, tokenDelayMs: 0 },
    });
  };
  /** A tool that counts its runs per call id. */
  const counting = (options: Partial<ChatTool> = {}) => {
    const runs: string[] = [];
    const tool: ChatTool = {
      ...options,
      execute: (input, context) => {
        runs.push(context.toolCallId);
        return options.execute?.(input, context) ?? 'ok';
      },
    };
    return { runs, tool };
  };

  it('runs each approved call once when two calls are approved one after the other', async () => {
    serveCalls([
      { id: 'a', name: 'guarded' },
      { id: 'b', name: 'guarded' },
    ]);
    const { runs, tool } = counting({ needsApproval: true });
    const chat = createChatController({ ...base, throttle: 1, tools: { guarded: tool } });
    chat.send('Go');
    await reach(chat, (s) => s.status === 'awaiting-approval');
    chat.approve('a');
    chat.approve('b');
    const final = await reach(chat, (s) => s.status === 'done');
    expect(runs).toEqual(['a', 'b']);
    expect(bodies).toHaveLength(2);
    expect(callParts(final).map((p) => p.state)).toEqual(['output-available', 'output-available']);
  });

  it('ignores a second approve of the same call, and a decision on a call that is not waiting', async () => {
    serveCalls([{ id: 'a', name: 'guarded' }]);
    const { runs, tool } = counting({ needsApproval: true });
    const chat = createChatController({ ...base, throttle: 1, tools: { guarded: tool } });
    chat.send('Go');
    await reach(chat, (s) => s.status === 'awaiting-approval');
    chat.approve('a');
    chat.approve('a');
    chat.deny('a');
    chat.approve('unknown');
    const final = await reach(chat, (s) => s.status === 'done');
    expect(runs).toEqual(['a']);
    expect(bodies).toHaveLength(2);
    expect(callParts(final)[0]).toMatchObject({ state: 'output-available', output: 'ok' });
  });

  it('does not run again a call that is still running when another call is approved', async () => {
    serveCalls([
      { id: 'free', name: 'slow' },
      { id: 'asked', name: 'guarded' },
    ]);
    let finishSlow: (value: string) => void = () => undefined;
    const slow = counting({ execute: () => new Promise<string>((resolve) => (finishSlow = resolve)) });
    const guarded = counting({ needsApproval: true });
    const chat = createChatController({ ...base, throttle: 1, tools: { slow: slow.tool, guarded: guarded.tool } });
    chat.send('Go');
    const running = await reach(chat, (s) => s.status === 'running-tools');
    // The free call runs while the other one waits, and that one can be approved meanwhile.
    expect(running.pendingApprovals.map((p) => p.toolCallId)).toEqual(['asked']);
    chat.approve('asked');
    await settle();
    expect(callParts(chat.getSnapshot()).map((p) => p.state)).toEqual(['input-available', 'output-available']);
    finishSlow('slow result');
    const final = await reach(chat, (s) => s.status === 'done');
    expect(slow.runs).toEqual(['free']);
    expect(guarded.runs).toEqual(['asked']);
    expect(callParts(final)[0]).toMatchObject({ state: 'output-available', output: 'slow result' });
    expect(bodies).toHaveLength(2);
  });

  it('marks a call that needs approval on its part, saves it so, and a denial tells the model why', async () => {
    serveCalls([
      { id: 'free', name: 'open' },
      { id: 'asked', name: 'guarded' },
    ]);
    const area = new Map<string, string>();
    const storage = {
      getItem: (key: string) => area.get(key) ?? null,
      setItem: (key: string, value: string) => void area.set(key, value),
    };
    const guarded = counting({ needsApproval: (input) => (input as { id: string }).id === 'asked' });
    const chat = createChatController({
      ...base,
      throttle: 1,
      tools: { open: counting().tool, guarded: guarded.tool },
      persistence: storagePersistence(storage, 'chat'),
    });
    chat.send('Go');
    const waiting = await reach(chat, (s) => s.status === 'awaiting-approval');
    expect(callParts(waiting).map((p) => p.state)).toEqual(['output-available', 'approval-requested']);
    expect(waiting.pendingApprovals).toEqual([callParts(waiting)[1]]);
    expect(area.get('chat')).toContain('"state":"approval-requested"');
    chat.deny('asked', 'Not today.');
    const final = await reach(chat, (s) => s.status === 'done');
    expect(callParts(final)[1]).toMatchObject({ state: 'approval-denied', errorText: 'Not today.' });
    expect(guarded.runs).toEqual([]);
    expect(bodies[1]).toContain('Not today.');
    expect(area.get('chat')).toContain('"state":"approval-denied"');
  });

  it('refuses a call still waiting once stopped: a late approve runs nothing, and the next send tells the model it was not approved', async () => {
    serveCalls([{ id: 'a', name: 'guarded' }]);
    const { runs, tool } = counting({ needsApproval: true });
    const chat = createChatController({ ...base, throttle: 1, tools: { guarded: tool } });
    chat.send('Go');
    await reach(chat, (s) => s.status === 'awaiting-approval');
    chat.stop();
    expect(chat.getSnapshot()).toMatchObject({ status: 'aborted', pendingApprovals: [] });
    expect(callParts(chat.getSnapshot())[0]).toMatchObject({
      state: 'approval-denied',
      errorText: expect.stringContaining('without approving'),
    });
    chat.approve('a');
    await settle();
    expect(runs).toEqual([]);
    expect(bodies).toHaveLength(1);
    expect(chat.getSnapshot().status).toBe('aborted');
    chat.send('Never mind');
    await reach(chat, (s) => s.status === 'done');
    expect(bodies[1]).toContain('without approving');
  });

  it('refuses a call still waiting when a new message is sent instead of a decision', async () => {
    serveCalls([{ id: 'a', name: 'guarded' }]);
    const { runs, tool } = counting({ needsApproval: true });
    const chat = createChatController({ ...base, throttle: 1, tools: { guarded: tool } });
    chat.send('Go');
    await reach(chat, (s) => s.status === 'awaiting-approval');
    chat.send('Actually, do not');
    expect(callParts(chat.getSnapshot())[0]?.state).toBe('approval-denied');
    await reach(chat, (s) => s.status === 'done');
    expect(runs).toEqual([]);
    expect(bodies[1]).toContain('without approving');
  });

  it('checks the input against the JSON Schema before running: a mismatch is an output-error the model is told, and nothing runs', async () => {
    serveCalls([{ id: 'a', name: 'weather' }]);
    const execute = vi.fn();
    const needsApproval = vi.fn(() => true);
    const inputSchema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } as const;
    const { final } = await converse({ ...base, tools: { weather: { inputSchema, needsApproval, execute } } }, 'Go');
    expect(callParts(final)[0]).toMatchObject({
      state: 'output-error',
      errorText: expect.stringContaining("does not match the tool's schema"),
    });
    expect(execute).not.toHaveBeenCalled();
    // Only an input the schema accepts is shown to needsApproval: this one fails without asking anyone.
    expect(needsApproval).not.toHaveBeenCalled();
    expect(bodies[1]).toContain("does not match the tool's schema");
  });

  it("runs a Standard Schema tool with the schema's output, and describes it to the model with the schema's JSON Schema", async () => {
    serveCalls([{ id: 'a', name: 'shout' }]);
    const upper: StandardSchemaV1<{ id: string }, { id: string; loud: true }> = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: (value) => ({ value: { id: String((value as { id: unknown }).id).toUpperCase(), loud: true } }),
        jsonSchema: { input: () => ({ type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }) },
      } as StandardSchemaV1<{ id: string }, { id: string; loud: true }>['~standard'],
    };
    const execute = vi.fn((input: { id: string; loud: true }) => input.id);
    const { final } = await converse({ ...base, tools: { shout: { inputSchema: upper, execute } } }, 'Go');
    expect(execute).toHaveBeenCalledWith({ id: 'A', loud: true }, expect.anything());
    expect(callParts(final)[0]).toMatchObject({ state: 'output-available', output: 'A' });
    expect(JSON.parse(bodies[0] ?? '{}')).toMatchObject({
      tools: [{ name: 'shout', input_schema: { properties: { id: { type: 'string' } } } }],
    });
  });

  it('ends the turn as an invalid request when a Standard Schema gives no JSON Schema for the model', async () => {
    serveCalls([]);
    const bare: StandardSchemaV1 = { '~standard': { version: 1, vendor: 'test', validate: (value) => ({ value }) } };
    const { final } = await converse({ ...base, tools: { bare: { inputSchema: bare, execute: () => 'ok' } } }, 'Go');
    expect(final).toMatchObject({
      status: 'error',
      error: { kind: 'invalid-request', message: expect.stringContaining('"bare"') },
    });
    expect(bodies).toHaveLength(0);
  });

  it('ends the turn aborted on a stop while tools run, and nothing runs after when they settle', async () => {
    serveCalls([
      { id: 'a', name: 'slow' },
      { id: 'b', name: 'slow' },
    ]);
    const settleTools: ((value: string) => void)[] = [];
    const { runs, tool } = counting({ execute: () => new Promise<string>((resolve) => settleTools.push(resolve)) });
    const onFinish = vi.fn();
    const onError = vi.fn();
    const chat = createChatController({ ...base, throttle: 1, tools: { slow: tool }, onFinish, onError });
    chat.send('Go');
    await reach(chat, (s) => s.status === 'running-tools');
    await vi.waitFor(() => expect(settleTools).toHaveLength(2));
    chat.stop();
    for (const resolve of settleTools) resolve('late');
    await settle();
    expect(chat.getSnapshot().status).toBe('aborted');
    expect(runs).toEqual(['a', 'b']);
    expect(bodies).toHaveLength(1);
    expect(callParts(chat.getSnapshot()).map((p) => p.state)).toEqual(['input-available', 'input-available']);
    expect(onFinish).toHaveBeenCalledOnce();
    expect(onFinish.mock.calls[0]?.[0]).toMatchObject({ status: 'aborted' });
    expect(onError).not.toHaveBeenCalled();
  });

  it('runs the calls of a new send afresh after tools were stopped mid-run', async () => {
    serveCalls([{ id: 'a', name: 'hangs-once' }]);
    const { runs, tool } = counting({
      execute: () => (runs.length === 1 ? new Promise<never>(() => undefined) : 'ok'),
    });
    const chat = createChatController({ ...base, throttle: 1, tools: { 'hangs-once': tool } });
    chat.send('Go');
    await reach(chat, (s) => s.status === 'running-tools');
    chat.stop();
    expect(chat.getSnapshot().status).toBe('aborted');
    chat.send('Again');
    // Each model turn ends 'done'; the third one answers the tool result.
    const final = await reach(chat, (s) => s.status === 'done' && bodies.length === 3);
    expect(runs).toEqual(['a', 'a']);
    expect(callParts(final).at(-1)).toMatchObject({ state: 'output-available', output: 'ok' });
  });

  it.each([
    [
      'a circular object',
      (): unknown => {
        const loop: Record<string, unknown> = {};
        loop.self = loop;
        return loop;
      },
    ],
    ['a BigInt', (): unknown => ({ total: 10n })],
  ])('turns %s returned by a tool into an output-error the model is told about', async (_name, result) => {
    serveCalls([{ id: 'a', name: 'odd' }]);
    const onError = vi.fn();
    const { final } = await converse({ ...base, onError, tools: { odd: { execute: result } } }, 'Go');
    expect(final.status).toBe('done');
    expect(callParts(final)[0]).toMatchObject({
      state: 'output-error',
      errorText: expect.stringContaining('cannot be sent as JSON'),
    });
    expect(bodies[1]).toContain('cannot be sent as JSON');
    expect(onError).not.toHaveBeenCalled();
  });

  it('ends a turn whose request cannot be built as an error, with onError and onFinish, and send keeps working', async () => {
    serveCalls([]);
    const history: ChatMessage[] = [
      { id: 'u0', role: 'user', text: 'Count' },
      {
        id: 'a0',
        role: 'assistant',
        message: {
          role: 'assistant',
          status: 'done',
          parts: [
            {
              type: 'tool-call',
              toolCallId: 'c0',
              toolName: 'count',
              inputText: '{}',
              input: {},
              state: 'output-available',
              output: { total: 10n },
            },
          ],
        },
      },
    ];
    const onError = vi.fn();
    const finals: ChatState[] = [];
    const chat = createChatController({ ...base, initialMessages: history, onError, onFinish: (s) => finals.push(s) });
    expect(() => chat.send('Again')).not.toThrow();
    expect(chat.getSnapshot()).toMatchObject({ status: 'error', error: { kind: 'invalid-request', retryable: false } });
    expect(chat.getSnapshot().messages.at(-1)).toMatchObject({ role: 'user', text: 'Again' });
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('BigInt') }));
    expect(finals.map((s) => s.status)).toEqual(['error']);
    expect(bodies).toHaveLength(0);

    chat.setMessages([]);
    expect(chat.getSnapshot().error).toBeUndefined();
    chat.send('Fresh');
    expect((await reach(chat, (s) => s.status === 'done')).error).toBeUndefined();
    expect(bodies).toHaveLength(1);
  });
});

describe('chat controller operations, one at a time', () => {
  it('runs a send made from the onFinish of a stop after the stop is done: the stop reports once, the new turn is not stopped', async () => {
    serve({ scenario: { parts: [{ type: 'text', text: answer }] }, timing: { ttftMs: 0, tokenDelayMs: 20 } });
    const finals: ChatState['status'][] = [];
    const chat: ChatController = createChatController({
      ...base,
      throttle: 1,
      onFinish: (final) => {
        finals.push(final.status);
        if (finals.length === 1) chat.send('Once more');
      },
    });
    chat.send('Hello');
    await reach(chat, (s) => s.status === 'streaming');
    chat.stop();
    const final = await reach(chat, (s) => s.status === 'done');
    expect(finals).toEqual(['aborted', 'done']);
    expect(final.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(messageText(assistants(final.messages)[1]?.message)).toBe(answer);
  });
});

describe('chat controller time limits', () => {
  it('ends a turn whose server answered and went silent at deadlineMs, keeping the text that arrived', async () => {
    vi.useFakeTimers();
    try {
      const start =
        'event: message_start\ndata: {"type":"message_start","message":{"id":"m1","model":"claude-test","usage":{"input_tokens":1,"output_tokens":0}}}\n\n';
      const text =
        'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\nevent: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Half"}}\n\n';
      const fetch = async (): Promise<Response> =>
        new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode(start + text)) }), {
          headers: { 'content-type': 'text/event-stream' },
        });
      const errors: unknown[] = [];
      const chat = createChatController({
        ...base,
        fetch,
        deadlineMs: 5_000,
        throttle: 1,
        onError: (error) => errors.push(error),
      });
      chat.send('Hello');
      await vi.advanceTimersByTimeAsync(5_000);
      expect(errors).toMatchObject([{ kind: 'deadline' }]);
      const [answer] = assistants(chat.getSnapshot().messages);
      expect(answer?.message).toMatchObject({ status: 'interrupted' });
      expect(messageText(answer?.message)).toBe('Half');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('chat controller persistence', () => {
  /** A storage area whose writes fail while `full` is set, as a browser's does past its quota. */
  const quotaStorage = () => {
    const area = new Map<string, string>();
    const storage = {
      full: true,
      getItem: (key: string) => area.get(key) ?? null,
      setItem(key: string, value: string) {
        if (storage.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        area.set(key, value);
      },
    };
    return { area, storage };
  };

  it('carries on when saving fails: the message shows, the answer streams, onFinish runs, and the failure is on the state', async () => {
    serve({ scenario: { parts: [{ type: 'text', text: answer }] }, timing: { ttftMs: 0, tokenDelayMs: 0 } });
    const { area, storage } = quotaStorage();
    const finals: ChatState[] = [];
    const chat = createChatController({
      ...base,
      throttle: 1,
      persistence: storagePersistence(storage, 'chat'),
      onFinish: (s) => finals.push(s),
    });
    expect(() => chat.send('Hello')).not.toThrow();
    expect(chat.getSnapshot().messages[0]).toMatchObject({ role: 'user', text: 'Hello' });
    expect(chat.getSnapshot().persistenceError).toMatchObject({
      kind: 'persistence',
      retryable: true,
      message: expect.stringContaining('quota'),
    });
    const final = await reach(chat, (s) => s.status === 'done');
    expect(messageText(assistants(final.messages)[0]?.message)).toBe(answer);
    expect(finals).toEqual([final]);
    expect(final.error).toBeUndefined();

    storage.full = false;
    chat.setMessages(final.messages);
    expect(chat.getSnapshot().persistenceError).toBeUndefined();
    expect(JSON.parse(area.get('chat') ?? '[]')).toHaveLength(2);
  });

  it('restores only the stored entries that have a chat message shape, and a send then works', async () => {
    serve({ scenario: { parts: [{ type: 'text', text: answer }] }, timing: { ttftMs: 0, tokenDelayMs: 0 } });
    const kept: ChatMessage[] = [
      { id: 'u0', role: 'user', text: 'Earlier' },
      {
        id: 'a0',
        role: 'assistant',
        message: { role: 'assistant', status: 'done', parts: [{ type: 'text', text: 'Answer.' }] },
      },
    ];
    const stored = [
      null,
      kept[0],
      { role: 'assistant', message: { parts: null } },
      { id: 'x', role: 'assistant', message: { role: 'assistant', status: 'done', parts: [{ type: 'tool-call' }] } },
      { id: 'y', role: 'user' },
      kept[1],
    ];
    const area = new Map([['chat', JSON.stringify(stored)]]);
    const storage = {
      getItem: (key: string) => area.get(key) ?? null,
      setItem: (key: string, value: string) => void area.set(key, value),
    };
    const chat = createChatController({ ...base, throttle: 1, persistence: storagePersistence(storage, 'chat') });
    expect(chat.getSnapshot().messages).toEqual(kept);
    chat.send('Now');
    const final = await reach(chat, (s) => s.status === 'done');
    expect(final.messages).toHaveLength(4);
  });

  it('restores a conversation saved while awaiting approval as awaiting approval: approving runs the tool and the answer streams', async () => {
    serve({ scenario: { parts: [{ type: 'text', text: answer }] }, timing: { ttftMs: 0, tokenDelayMs: 0 } });
    const call: ToolCallPart = {
      type: 'tool-call',
      toolCallId: 'c1',
      toolName: 'guarded',
      inputText: '{}',
      input: {},
      state: 'approval-requested',
    };
    const saved: ChatMessage[] = [
      { id: 'u0', role: 'user', text: 'Go' },
      {
        id: 'a0',
        role: 'assistant',
        message: { role: 'assistant', status: 'done', finishReason: 'tool-calls', parts: [call] },
      },
    ];
    const area = new Map([['chat', JSON.stringify(saved)]]);
    const storage = {
      getItem: (key: string) => area.get(key) ?? null,
      setItem: (key: string, value: string) => void area.set(key, value),
    };
    const runs: string[] = [];
    const tools = {
      guarded: {
        needsApproval: true,
        execute: (_input: unknown, context: { toolCallId: string }) => (runs.push(context.toolCallId), 'ok'),
      },
    };
    const chat = createChatController({
      ...base,
      throttle: 1,
      tools,
      persistence: storagePersistence(storage, 'chat'),
    });
    expect(chat.getSnapshot()).toMatchObject({ status: 'awaiting-approval', pendingApprovals: [{ toolCallId: 'c1' }] });
    chat.approve('c1');
    const final = await reach(chat, (s) => s.status === 'done');
    expect(runs).toEqual(['c1']);
    expect(messageText(assistants(final.messages).at(-1)?.message)).toBe(answer);
  });

  it('streams a message sent while the saved conversation loads only once the load is done, after the restored history', async () => {
    const bodies: string[] = [];
    serve({
      scenario: ({ body }) => (bodies.push(JSON.stringify(body)), { parts: [{ type: 'text', text: answer }] }),
      timing: { ttftMs: 0, tokenDelayMs: 0 },
    });
    const saved: ChatMessage[] = [
      { id: 'u0', role: 'user', text: 'Earlier question' },
      {
        id: 'a0',
        role: 'assistant',
        message: { role: 'assistant', status: 'done', parts: [{ type: 'text', text: 'Earlier answer.' }] },
      },
    ];
    let finishLoad: (messages: ChatMessage[]) => void = () => undefined;
    const load = new Promise<ChatMessage[]>((resolve) => (finishLoad = resolve));
    const chat = createChatController({
      ...base,
      throttle: 1,
      persistence: { load: () => load, save: () => undefined },
    });
    chat.send('Now');
    chat.send('And this');
    await settle();
    expect(chat.getSnapshot().status).toBe('loading');
    expect(bodies).toEqual([]);
    finishLoad(saved);
    const final = await reach(chat, (s) => s.status === 'done');
    expect(bodies).toHaveLength(1);
    const at = ['Earlier question', 'Earlier answer.', 'Now', 'And this'].map((text) => bodies[0]?.indexOf(text) ?? -1);
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((x, y) => x - y));
    expect(final.messages.map((m) => m.id).slice(0, 2)).toEqual(['u0', 'a0']);
    expect(final.messages).toHaveLength(5);
  });

  it('restores nothing from a load that throws', () => {
    const chat = createChatController({
      ...base,
      persistence: {
        load: () => {
          throw new Error('storage is disabled');
        },
        save: () => undefined,
      },
    });
    expect(chat.getSnapshot()).toMatchObject({ status: 'idle', messages: [] });
  });
});

describe('chat controller provider switch', () => {
  it('sends the turn after a switch of provider (a model picker) to the new URL, in its body, decoded by its decoder', async () => {
    serve({
      scenario: { parts: [{ type: 'text', text: answer }], usage },
      timing: { ttftMs: 0, tokenDelayMs: 0, jitterMs: 0 },
    });
    const requests: { url: string; body: Record<string, unknown> }[] = [];
    const recording: typeof fetch = (input, init) => {
      requests.push({ url: String(input), body: JSON.parse(String(init?.body)) as Record<string, unknown> });
      return fetch(input, init);
    };
    const finals: ChatState[] = [];
    let turnEnded = (): void => undefined;
    const options: ChatControllerOptions = {
      ...base,
      fetch: recording,
      throttle: 1,
      onFinish: (final) => (finals.push(final), turnEnded()),
    };
    const chat = createChatController(options);
    const turn = (text: string): Promise<void> => new Promise((resolve) => ((turnEnded = resolve), chat.send(text)));

    await turn('Hello');
    chat.setOptions({
      ...options,
      provider: 'openai-chat',
      url: 'https://mock.test/v1/chat/completions',
      model: 'gpt-test',
    });
    await turn('And again?');

    expect(requests.map((r) => r.url)).toEqual([
      'https://mock.test/v1/messages',
      'https://mock.test/v1/chat/completions',
    ]);
    // Anthropic's body has max_tokens and a content array; OpenAI Chat's has stream_options and the history as strings.
    expect(requests[0]?.body).toMatchObject({ model: 'claude-test', max_tokens: 256 });
    expect(requests[1]?.body).toMatchObject({
      model: 'gpt-test',
      stream: true,
      messages: [
        { role: 'user', content: 'Hello' },
        { role: 'assistant', content: answer },
        { role: 'user', content: 'And again?' },
      ],
    });
    expect(requests[1]?.body).not.toHaveProperty('max_tokens');
    // Decoded as OpenAI Chat: the answer's text and usage, not an Anthropic decoder's malformed-event error.
    expect(finals.map((f) => f.status)).toEqual(['done', 'done']);
    const second = assistants(finals[1]?.messages ?? [])[1]?.message;
    expect(messageText(second)).toBe(answer);
    expect(second?.usage).toMatchObject({ outputTokens: 42 });
  });
});
