// @rill/mock depends on @rill/core: reached by path, as a devDependency it would make the workspace graph cyclic.
import type { MockProviderOptions } from '../../../mock/src/index.js';
import { createMockHandlers } from '../../../mock/src/msw/index.js';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messageText } from '../store/stream-state.js';
import { createChatController, type ChatControllerOptions, type ChatMessage, type ChatState } from './index.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const serve = (options: MockProviderOptions): void => server.use(...createMockHandlers(options));

const base = { provider: 'anthropic' as const, url: 'https://mock.test/v1/messages', model: 'claude-test', maxTokens: 256 };
const answer = 'Streams are measured while they are read, once.';
const usage = { inputTokens: 12, outputTokens: 42 };

/** Sends `text` and resolves with the state `onFinish` reports, plus every state published on the way. */
function converse(options: Omit<ChatControllerOptions, 'onFinish'>, text: string): Promise<{ final: ChatState; seen: ChatState[] }> {
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
    serve({ scenario: { parts: [{ type: 'text', text: answer }], usage }, timing: { ttftMs: 120, tokenDelayMs: 10, jitterMs: 0 } });
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
    expect(seen.some((s) => s.status === 'streaming' && s.metrics?.ended === false && s.metrics.tokenParts > 0)).toBe(true);
  });

  it.each([
    ['a dropped connection resumed with Last-Event-ID', 'drop-after=4'],
    ['a 500 before the answer, retried', '500'],
  ])('counts the reconnect of %s, and the answer is whole', async (_name, fault) => {
    serve({ scenario: { parts: [{ type: 'text', text: answer }], usage }, timing: { ttftMs: 0, tokenDelayMs: 2, jitterMs: 0 } });
    const { final } = await converse({ ...base, headers: { 'x-rill-mock-fault': fault }, retry: { baseDelayMs: 1, maxDelayMs: 5 } }, 'Hello');

    expect(final.status).toBe('done');
    expect(final.metrics).toMatchObject({ reconnects: 1, outputTokens: 42, ended: true });
    expect(messageText(assistants(final.messages)[0]?.message)).toBe(answer);
  });

  it('gives each turn of a tool round-trip its own metrics; the state shows the last turn', async () => {
    serve({
      scenario: ({ body }) =>
        JSON.stringify(body).includes('tool_result')
          ? { parts: [{ type: 'text', text: 'It is sunny.' }], usage: { inputTokens: 30, outputTokens: 4 } }
          : { parts: [{ type: 'tool-call', toolCallId: 'call_1', toolName: 'get_weather', input: { city: 'Paris' } }], usage: { inputTokens: 20, outputTokens: 9 } },
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
