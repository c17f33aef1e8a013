import { toProviderRequest, type ConversationMessage, type Part, type ProviderName } from '@rill/core';
import { describe, expect, it } from 'vitest';
import { trailingToolResults } from './tool-results.js';

const providers: ProviderName[] = ['anthropic', 'openai-chat', 'openai-responses', 'gemini'];

const call = (toolCallId: string, toolName: string, input: unknown): Part => ({
  type: 'tool-call',
  toolCallId,
  toolName,
  inputText: JSON.stringify(input),
  input,
  state: 'input-available',
});

const question: ConversationMessage = { role: 'user', content: 'Weather in Paris, and 6 * 7?' };
const calls: ConversationMessage = {
  role: 'assistant',
  parts: [
    { type: 'text', text: 'Checking.' },
    call('c1', 'get_weather', { city: 'Paris' }),
    call('c2', 'calculator', { expression: '6 * 7' }),
  ],
};
const results: ConversationMessage = {
  role: 'tool',
  results: [
    { toolCallId: 'c1', output: { conditions: 'sunny' } },
    { toolCallId: 'c2', output: { result: 42 } },
  ],
};

/** The request the demo's chat sends, built the way the chat controller builds it. */
const request = (provider: ProviderName, messages: ConversationMessage[]) =>
  toProviderRequest(provider, { model: 'mock', messages });

describe('trailingToolResults', () => {
  it.each(providers)('reads the results a %s request ends with, in order', (provider) => {
    expect(trailingToolResults(provider, request(provider, [question, calls, results]))).toEqual([
      '{"conditions":"sunny"}',
      '{"result":42}',
    ]);
  });

  it.each(providers)('reads a refused %s call as its error text', (provider) => {
    const denied: ConversationMessage = {
      role: 'tool',
      results: [{ toolCallId: 'c1', error: 'The user denied this tool call.' }],
    };
    const body = request(provider, [
      question,
      { role: 'assistant', parts: [call('c1', 'send_email', { to: 'team@example.com' })] },
      denied,
    ]);
    expect(trailingToolResults(provider, body)).toEqual(['The user denied this tool call.']);
  });

  it.each(providers)(
    'finds none when a %s request ends with the user’s words, even after earlier tool results',
    (provider) => {
      expect(trailingToolResults(provider, request(provider, [question]))).toEqual([]);
      expect(
        trailingToolResults(
          provider,
          request(provider, [
            question,
            calls,
            results,
            { role: 'assistant', parts: [{ type: 'text', text: 'Sunny, and 42.' }] },
            { role: 'user', content: 'Thanks!' },
          ]),
        ),
      ).toEqual([]);
    },
  );

  it('reads each provider’s own spelling of a result', () => {
    expect(
      trailingToolResults('anthropic', {
        messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'c1', content: '42' }] }],
      }),
    ).toEqual(['42']);
    expect(
      trailingToolResults('openai-chat', { messages: [{ role: 'tool', tool_call_id: 'c1', content: '42' }] }),
    ).toEqual(['42']);
    expect(
      trailingToolResults('openai-responses', {
        input: [{ type: 'function_call_output', call_id: 'c1', output: '42' }],
      }),
    ).toEqual(['42']);
    expect(
      trailingToolResults('gemini', {
        contents: [{ role: 'user', parts: [{ functionResponse: { name: 'calculator', response: { output: 42 } } }] }],
      }),
    ).toEqual(['42']);
    expect(
      trailingToolResults('gemini', {
        contents: [
          {
            role: 'user',
            parts: [{ functionResponse: { name: 'calculator', response: { error: 'Division by zero' } } }],
          },
        ],
      }),
    ).toEqual(['Division by zero']);
  });

  it('ignores bodies without the provider’s fields instead of throwing', () => {
    for (const provider of providers)
      expect(trailingToolResults(provider, { messages: 'not a list', input: null, contents: [42] })).toEqual([]);
  });
});
