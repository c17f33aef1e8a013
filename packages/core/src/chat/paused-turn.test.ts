import { describe, expect, it } from 'vitest';
import { loadProviderFixtures } from '../../test/provider-fixtures.js';
import type { Message, ToolCallPart } from '../message/index.js';
import { createChatController, type ChatControllerOptions, type ChatState } from './index.js';
import { continueAnswer } from './paused-turn.js';

const sse = (...events: object[]): string =>
  events.map((e) => `event: ${(e as { type: string }).type}\ndata: ${JSON.stringify(e)}\n\n`).join('');

// Anthropic's answer to a paused turn sent back: the open search's result first (naming only its id), then the rest of the answer.
const continuation = sse(
  {
    type: 'message_start',
    message: { id: 'msg_2', model: 'claude-sonnet-4-5', usage: { input_tokens: 100, output_tokens: 1 } },
  },
  {
    type: 'content_block_start',
    index: 0,
    content_block: {
      type: 'web_search_tool_result',
      tool_use_id: 'srvtoolu_01NKrV3hGbcHeBVtaTKBHRuA',
      content: [{ type: 'web_search_result', url: 'https://aqi.test/', title: 'AQI', encrypted_content: 'E1' }],
    },
  },
  { type: 'content_block_stop', index: 0 },
  { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } },
  { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'All searches are done.' } },
  { type: 'content_block_stop', index: 1 },
  { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 20 } },
  { type: 'message_stop' },
);

const paused: Uint8Array<ArrayBuffer> =
  loadProviderFixtures().find((f) => f.name === 'anthropic-pause-turn')?.bytes ?? new Uint8Array();

/** A fetch that answers each request with the next body, keeping the request bodies it was sent. */
function answers(...bodies: (string | Uint8Array<ArrayBuffer>)[]): {
  fetch: typeof globalThis.fetch;
  sent: Record<string, unknown>[];
} {
  const sent: Record<string, unknown>[] = [];
  const answer = (_url: unknown, init?: RequestInit): Promise<Response> => {
    sent.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
    const body = bodies[sent.length - 1] ?? sse({ type: 'message_stop' });
    return Promise.resolve(new Response(body, { headers: { 'content-type': 'text/event-stream' } }));
  };
  return { fetch: answer as typeof globalThis.fetch, sent };
}

function converse(options: ChatControllerOptions, text: string): Promise<{ final: ChatState; seen: ChatState[] }> {
  return new Promise((resolve) => {
    const seen: ChatState[] = [];
    const chat = createChatController({ ...options, throttle: 1, onFinish: (final) => resolve({ final, seen }) });
    chat.subscribe(() => seen.push(chat.getSnapshot()));
    chat.send(text);
  });
}

const base = {
  provider: 'anthropic' as const,
  url: 'https://api.test/v1/messages',
  model: 'claude-sonnet-4-5',
  maxTokens: 1024,
};
const calls = (m: Message | undefined): ToolCallPart[] =>
  (m?.parts ?? []).filter((p): p is ToolCallPart => p.type === 'tool-call');

describe('a turn the provider paused', () => {
  it('is sent back to be finished, and the continuation streams into the same answer: the open search gets its result', async () => {
    const { fetch, sent } = answers(paused, continuation);
    const { final, seen } = await converse({ ...base, fetch }, 'Run the searches.');

    expect(sent).toHaveLength(2);
    const messages = sent[1]?.['messages'] as { role: string; content: { type: string; id?: string }[] }[];
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(messages[1]?.content.at(-1)).toMatchObject({
      type: 'server_tool_use',
      id: 'srvtoolu_01NKrV3hGbcHeBVtaTKBHRuA',
    });

    const answers_ = final.messages.filter((m) => m.role === 'assistant');
    expect(answers_).toHaveLength(1);
    const answer = answers_[0]?.role === 'assistant' ? answers_[0].message : undefined;
    expect(answer).toMatchObject({
      id: 'msg_01SC6GnkBDsmEDqyXQpQ2ipm',
      status: 'done',
      finishReason: 'stop',
      rawFinishReason: 'end_turn',
    });
    expect(calls(answer)).toHaveLength(11);
    expect(calls(answer).at(-1)).toMatchObject({
      toolName: 'web_search',
      input: { query: 'latest news on the air quality in San Francisco today' },
      state: 'output-available',
      output: [{ url: 'https://aqi.test/' }],
    });
    expect(answer?.parts.at(-1)).toEqual({ type: 'text', text: 'All searches are done.' });
    expect(answer?.usage).toEqual({ inputTokens: 404600, outputTokens: 963, cachedInputTokens: 0 });
    expect(final.status).toBe('done');
    // While the continuation streamed, the conversation still showed one answer.
    expect(seen.every((s) => s.messages.filter((m) => m.role === 'assistant').length <= 1)).toBe(true);
  });

  it("never runs the provider's calls in the client tool loop, nor sends tool results for them", async () => {
    const { fetch, sent } = answers(paused, continuation);
    let ran = 0;
    const tools = { web_search: { execute: () => (ran += 1) } };
    const { final } = await converse({ ...base, fetch, tools }, 'Run the searches.');
    expect(ran).toBe(0);
    expect(final.status).toBe('done');
    const contents = (sent[1]?.['messages'] as { content: { type: string }[] }[]).flatMap((m) =>
      m.content.map((b) => b.type),
    );
    expect(contents).not.toContain('tool_result');
  });

  it('is left paused once maxSteps is spent', async () => {
    const { fetch, sent } = answers(paused, continuation);
    const { final } = await converse({ ...base, fetch, maxSteps: 1 }, 'Run the searches.');
    expect(sent).toHaveLength(1);
    const [answer] = final.messages.filter((m) => m.role === 'assistant');
    expect(answer?.role === 'assistant' && answer.message).toMatchObject({
      finishReason: 'other',
      rawFinishReason: 'pause_turn',
    });
  });
});

describe('continueAnswer', () => {
  it('keeps the paused parts, answers their open call, appends the rest, and adds up usage and ignored counts', () => {
    const pausedMessage: Message = {
      role: 'assistant',
      id: 'm1',
      status: 'done',
      finishReason: 'other',
      rawFinishReason: 'pause_turn',
      usage: { inputTokens: 10, outputTokens: 2 },
      metadata: { ignored: { 'event:x': 1 } },
      parts: [
        {
          type: 'tool-call',
          toolCallId: 's1',
          toolName: 'web_search',
          inputText: '{"query":"q"}',
          input: { query: 'q' },
          state: 'input-available',
          providerExecuted: true,
          providerData: { block: { type: 'server_tool_use' } },
        },
      ],
    };
    const next: Message = {
      role: 'assistant',
      id: 'm2',
      status: 'done',
      finishReason: 'stop',
      usage: { inputTokens: 20, outputTokens: 3 },
      metadata: { ignored: { 'event:x': 2 } },
      parts: [
        {
          type: 'tool-call',
          toolCallId: 's1',
          toolName: 'web_search',
          inputText: '',
          input: {},
          state: 'output-available',
          output: ['r'],
          providerExecuted: true,
          providerData: { resultBlock: { type: 'web_search_tool_result' } },
        },
        { type: 'text', text: 'Done.' },
      ],
    };
    expect(continueAnswer(pausedMessage, next)).toEqual({
      role: 'assistant',
      id: 'm1',
      status: 'done',
      finishReason: 'stop',
      usage: { inputTokens: 30, outputTokens: 5 },
      metadata: { ignored: { 'event:x': 3 } },
      parts: [
        {
          type: 'tool-call',
          toolCallId: 's1',
          toolName: 'web_search',
          inputText: '{"query":"q"}',
          input: { query: 'q' },
          state: 'output-available',
          output: ['r'],
          providerExecuted: true,
          providerData: { block: { type: 'server_tool_use' }, resultBlock: { type: 'web_search_tool_result' } },
        },
        { type: 'text', text: 'Done.' },
      ],
    });
  });
});
