import { describe, expect, it } from 'vitest';
import { RillError } from '../errors.js';
import { accumulate, type StreamPart } from '../message/index.js';
import type { SSEEvent } from '../sse/index.js';
import { decodeProvider } from './index.js';

const chunk = (content: string): SSEEvent => ({
  event: 'message',
  id: '',
  data: JSON.stringify({ id: 'c1', model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: null }] }),
});

async function collect(parts: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const out: StreamPart[] = [];
  for await (const part of parts) out.push(part);
  return out;
}

describe('decodeProvider', () => {
  it.each([
    [
      new RillError({ kind: 'stall', message: 'no bytes for 30 s', retryable: true }),
      { kind: 'stall', message: 'no bytes for 30 s', retryable: true },
    ],
    [
      new RillError({ kind: 'aborted', message: 'stopped', retryable: false }),
      { kind: 'aborted', message: 'stopped', retryable: false },
    ],
    [new DOMException('The operation was aborted.', 'AbortError'), { kind: 'aborted', retryable: false }],
    [new TypeError('terminated'), { kind: 'interrupted', message: 'terminated', retryable: true }],
  ])('turns %s thrown by the events into a final error part, after the parts that arrived', async (thrown, error) => {
    async function* events(): AsyncIterable<SSEEvent> {
      yield chunk('Hi');
      throw thrown;
    }
    const parts = await collect(decodeProvider('openai-chat', events()));
    expect(parts.at(-2)).toEqual({ type: 'text-delta', id: 'text-1', delta: 'Hi' });
    expect(parts.at(-1)).toMatchObject({ type: 'error', error });
  });

  it('stops reading, and releases the source, at the terminator', async () => {
    let released = false;
    async function* events(): AsyncIterable<SSEEvent> {
      try {
        yield chunk('a');
        yield { event: 'message', id: '', data: '[DONE]' };
        yield chunk('never');
      } finally {
        released = true;
      }
    }
    const parts = await collect(decodeProvider('openai-chat', events()));
    expect(parts.at(-1)).toEqual({ type: 'done' });
    expect(parts.some((p) => p.type === 'text-delta' && p.delta === 'never')).toBe(false);
    expect(released).toBe(true);
  });

  it('quotes at most about 200 characters of a malformed payload', async () => {
    async function* events(): AsyncIterable<SSEEvent> {
      yield { event: 'message', id: '', data: `{${'x'.repeat(5000)}` };
    }
    const [part] = await collect(decodeProvider('anthropic', events()));
    expect(part?.type).toBe('error');
    expect(part?.type === 'error' && part.error.message.length).toBeLessThan(260);
  });

  it('reads on after a Gemini finishReason for the trailing usage chunk', async () => {
    async function* events(): AsyncIterable<SSEEvent> {
      yield {
        event: 'message',
        id: '',
        data: JSON.stringify({ candidates: [{ content: { parts: [{ text: 'ok' }] }, finishReason: 'STOP' }] }),
      };
      yield {
        event: 'message',
        id: '',
        data: JSON.stringify({ usageMetadata: { promptTokenCount: 4, candidatesTokenCount: 1 } }),
      };
    }
    const parts = await collect(decodeProvider('gemini', events()));
    expect(parts.slice(-2)).toEqual([{ type: 'usage', usage: { inputTokens: 4, outputTokens: 1 } }, { type: 'done' }]);
  });

  it('generates distinct ids for Gemini function calls that carry none', async () => {
    const call = (name: string) => ({ functionCall: { name, args: {} } });
    async function* events(): AsyncIterable<SSEEvent> {
      yield {
        event: 'message',
        id: '',
        data: JSON.stringify({
          responseId: 'r9',
          candidates: [{ content: { parts: [call('a'), call('b')] }, finishReason: 'STOP' }],
        }),
      };
    }
    const starts = (await collect(decodeProvider('gemini', events()))).filter((p) => p.type === 'tool-input-start');
    expect(starts).toEqual([
      { type: 'tool-input-start', toolCallId: 'r9-call-1', toolName: 'a' },
      { type: 'tool-input-start', toolCallId: 'r9-call-2', toolName: 'b' },
    ]);
  });

  it('keeps OpenAI-compatible parallel tool calls apart when they share index 0 or have none', async () => {
    const delta = (toolCalls: object[], finish: string | null = null): SSEEvent => ({
      event: 'message',
      id: '',
      data: JSON.stringify({
        id: 'c1',
        model: 'm',
        choices: [{ index: 0, delta: { tool_calls: toolCalls }, finish_reason: finish }],
      }),
    });
    async function* events(): AsyncIterable<SSEEvent> {
      yield delta([
        { index: 0, id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '{"city":' } },
      ]);
      yield delta([{ index: 0, function: { arguments: '"Paris"}' } }]);
      yield delta([{ id: 'call_b', type: 'function', function: { name: 'get_time', arguments: '{"tz":"CET"}' } }]);
      yield delta([], 'tool_calls');
      yield { event: 'message', id: '', data: '[DONE]' };
    }
    const message = await accumulate(decodeProvider('openai-chat', events()));
    expect(message.parts).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'call_a',
        toolName: 'get_weather',
        inputText: '{"city":"Paris"}',
        input: { city: 'Paris' },
        state: 'input-available',
      },
      {
        type: 'tool-call',
        toolCallId: 'call_b',
        toolName: 'get_time',
        inputText: '{"tz":"CET"}',
        input: { tz: 'CET' },
        state: 'input-available',
      },
    ]);
  });

  it("takes an OpenAI message's id and model from the first chunk that names them (Azure's first has neither)", async () => {
    async function* events(): AsyncIterable<SSEEvent> {
      yield {
        event: 'message',
        id: '',
        data: JSON.stringify({
          choices: [],
          created: 0,
          id: '',
          model: '',
          object: '',
          prompt_filter_results: [{ prompt_index: 0, content_filter_results: {} }],
        }),
      };
      yield chunk('Hi');
      yield { event: 'message', id: '', data: '[DONE]' };
    }
    const message = await accumulate(decodeProvider('openai-chat', events()));
    expect(message).toMatchObject({ id: 'c1', model: 'm', parts: [{ type: 'text', text: 'Hi' }] });
  });
});
