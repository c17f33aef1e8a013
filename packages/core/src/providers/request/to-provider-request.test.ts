import { describe, expect, it } from 'vitest';
import { loadProviderFixtures } from '../../../test/provider-fixtures.js';
import { accumulate, type Message } from '../../message/index.js';
import { readSSE, type SSEEvent } from '../../sse/index.js';
import { decodeProvider } from '../index.js';
import { providerRequestPath, toProviderRequest, type Conversation } from './index.js';

// A decoded assistant turn: signed reasoning, text, then a finished tool call.
const assistant: Message = {
  role: 'assistant',
  status: 'done',
  parts: [
    { type: 'reasoning', text: 'Need the weather.', signature: 'SIG' },
    { type: 'text', text: 'Checking.' },
    {
      type: 'tool-call',
      toolCallId: 'call_1',
      toolName: 'get_weather',
      inputText: '{"city":"Paris"}',
      input: { city: 'Paris' },
      state: 'input-available',
    },
  ],
};

const conversation: Conversation = {
  model: 'm',
  system: 'Be brief.',
  messages: [
    { role: 'user', content: 'Weather in Paris?' },
    assistant,
    { role: 'tool', results: [{ toolCallId: 'call_1', output: { tempC: 21 } }] },
    { role: 'user', content: 'And tomorrow?' },
  ],
  tools: [
    {
      name: 'get_weather',
      description: 'Weather by city',
      inputSchema: { type: 'object', properties: { city: { type: 'string' } } },
    },
  ],
  maxTokens: 1000,
  temperature: 0.5,
};

const schema = { type: 'object', properties: { city: { type: 'string' } } };

describe('toProviderRequest', () => {
  it('anthropic: signed thinking goes back, tool results and the next question share a user turn', () => {
    expect(toProviderRequest('anthropic', { ...conversation, reasoning: { budgetTokens: 512 } })).toEqual({
      model: 'm',
      max_tokens: 1000,
      stream: true,
      system: 'Be brief.',
      temperature: 0.5,
      thinking: { type: 'enabled', budget_tokens: 512 },
      tools: [{ name: 'get_weather', description: 'Weather by city', input_schema: schema }],
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'Need the weather.', signature: 'SIG' },
            { type: 'text', text: 'Checking.' },
            { type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'call_1', content: '{"tempC":21}' },
            { type: 'text', text: 'And tomorrow?' },
          ],
        },
      ],
    });
  });

  it('anthropic: drops unsigned reasoning, keeps redacted thinking, flags failed tools, and sizes max_tokens above the budget', () => {
    const body = toProviderRequest('anthropic', {
      model: 'm',
      reasoning: { budgetTokens: 2000 },
      messages: [
        { role: 'user', content: 'Q' },
        {
          role: 'assistant',
          parts: [
            { type: 'reasoning', text: 'unsigned' },
            { type: 'reasoning', text: 'opaque', redacted: true },
            { type: 'tool-call', toolCallId: 't1', toolName: 'f', inputText: '', input: {}, state: 'input-available' },
          ],
        },
        { role: 'tool', results: [{ toolCallId: 't1', error: 'boom' }] },
      ],
    });
    expect(body['max_tokens']).toBe(6096);
    expect(body['messages']).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Q' }] },
      {
        role: 'assistant',
        content: [
          { type: 'redacted_thinking', data: 'opaque' },
          { type: 'tool_use', id: 't1', name: 'f', input: {} },
        ],
      },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'boom', is_error: true }] },
    ]);
  });

  it('openai-chat: asks for usage, sends tool calls and one tool message per result, no reasoning', () => {
    expect(toProviderRequest('openai-chat', { ...conversation, reasoning: { effort: 'low' } })).toEqual({
      model: 'm',
      stream: true,
      stream_options: { include_usage: true },
      max_completion_tokens: 1000,
      temperature: 0.5,
      reasoning_effort: 'low',
      tools: [
        { type: 'function', function: { name: 'get_weather', description: 'Weather by city', parameters: schema } },
      ],
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Weather in Paris?' },
        {
          role: 'assistant',
          content: 'Checking.',
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '{"tempC":21}' },
        { role: 'user', content: 'And tomorrow?' },
      ],
    });
  });

  it('openai-responses: reasoning goes back encrypted, calls and outputs as items', () => {
    expect(toProviderRequest('openai-responses', { ...conversation, reasoning: { effort: 'high' } })).toEqual({
      model: 'm',
      stream: true,
      store: false,
      instructions: 'Be brief.',
      max_output_tokens: 1000,
      temperature: 0.5,
      reasoning: { effort: 'high', summary: 'auto' },
      include: ['reasoning.encrypted_content'],
      tools: [{ type: 'function', name: 'get_weather', description: 'Weather by city', parameters: schema }],
      input: [
        { role: 'user', content: [{ type: 'input_text', text: 'Weather in Paris?' }] },
        { type: 'reasoning', summary: [{ type: 'summary_text', text: 'Need the weather.' }], encrypted_content: 'SIG' },
        { role: 'assistant', content: [{ type: 'output_text', text: 'Checking.' }] },
        { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
        { type: 'function_call_output', call_id: 'call_1', output: '{"tempC":21}' },
        { role: 'user', content: [{ type: 'input_text', text: 'And tomorrow?' }] },
      ],
    });
  });

  it('openai-responses: a decoded reasoning item goes back with its item id (required by the API), summary or not', async () => {
    const fixture = loadProviderFixtures().find(({ name }) => name === 'openai-responses-reasoning-tool');
    const message = await accumulate(decodeProvider('openai-responses', readSSE(new Response(fixture?.bytes))));
    const body = toProviderRequest('openai-responses', {
      model: 'm',
      messages: [{ role: 'user', content: 'Weather in Oslo?' }, message],
    });
    expect(body.input).toContainEqual({
      type: 'reasoning',
      id: 'rs_1',
      summary: [{ type: 'summary_text', text: '**Plan** look up the weather.' }],
      encrypted_content: 'gAAAAB-enc',
    });
    const bare = toProviderRequest('openai-responses', {
      model: 'm',
      messages: [{ role: 'assistant', parts: [{ type: 'reasoning', text: '', signature: 'ENC', itemId: 'rs_7' }] }],
    });
    expect(bare.input).toEqual([{ type: 'reasoning', id: 'rs_7', summary: [], encrypted_content: 'ENC' }]);
  });

  it('gemini: a signature that came on a function call after text goes back on that call, not on the text', async () => {
    async function* events(): AsyncIterable<SSEEvent> {
      const parts = [
        { text: 'Plan: call the tool', thought: true },
        { text: 'Let me check.' },
        { functionCall: { name: 'get_weather', args: { city: 'Rome' } }, thoughtSignature: 'SIG_FC' },
      ];
      yield {
        event: 'message',
        id: '',
        data: JSON.stringify({
          responseId: 'r1',
          candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP' }],
        }),
      };
    }
    const message = await accumulate(decodeProvider('gemini', events()));
    expect(message.finishReason).toBe('tool-calls');
    const body = toProviderRequest('gemini', {
      model: 'm',
      messages: [{ role: 'user', content: 'Weather in Rome?' }, message],
    });
    expect(body.contents).toEqual([
      { role: 'user', parts: [{ text: 'Weather in Rome?' }] },
      {
        role: 'model',
        parts: [
          { text: 'Let me check.' },
          { functionCall: { name: 'get_weather', args: { city: 'Rome' } }, thoughtSignature: 'SIG_FC' },
        ],
      },
    ]);
  });

  it('openai-chat: an assistant turn with only reasoning (stopped while thinking) is left out', () => {
    const body = toProviderRequest('openai-chat', {
      model: 'm',
      messages: [
        { role: 'user', content: 'Prove it' },
        { role: 'assistant', parts: [{ type: 'reasoning', text: 'Let me think' }] },
        { role: 'user', content: 'Just answer' },
      ],
    });
    expect(body.messages).toEqual([
      { role: 'user', content: 'Prove it' },
      { role: 'user', content: 'Just answer' },
    ]);
  });

  it('gemini: the thought signature rides on the next part, results are named functionResponses', () => {
    expect(toProviderRequest('gemini', { ...conversation, reasoning: { budgetTokens: 1024 } })).toEqual({
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      generationConfig: {
        maxOutputTokens: 1000,
        temperature: 0.5,
        thinkingConfig: { thinkingBudget: 1024, includeThoughts: true },
      },
      tools: [
        {
          functionDeclarations: [{ name: 'get_weather', description: 'Weather by city', parametersJsonSchema: schema }],
        },
      ],
      contents: [
        { role: 'user', parts: [{ text: 'Weather in Paris?' }] },
        {
          role: 'model',
          parts: [
            { text: 'Checking.', thoughtSignature: 'SIG' },
            { functionCall: { name: 'get_weather', args: { city: 'Paris' } } },
          ],
        },
        {
          role: 'user',
          parts: [
            { functionResponse: { name: 'get_weather', response: { output: { tempC: 21 } } } },
            { text: 'And tomorrow?' },
          ],
        },
      ],
    });
  });

  it('gemini: a signature after the last part rides on the last part', () => {
    const body = toProviderRequest('gemini', {
      model: 'm',
      messages: [
        {
          role: 'assistant',
          parts: [
            { type: 'text', text: 'Hi' },
            { type: 'reasoning', text: '', signature: 'END' },
          ],
        },
      ],
    });
    expect(body).toEqual({ contents: [{ role: 'model', parts: [{ text: 'Hi', thoughtSignature: 'END' }] }] });
  });

  it('gives each provider its streaming path', () => {
    expect(providerRequestPath('anthropic', 'x')).toBe('/v1/messages');
    expect(providerRequestPath('openai-chat', 'x')).toBe('/v1/chat/completions');
    expect(providerRequestPath('openai-responses', 'x')).toBe('/v1/responses');
    expect(providerRequestPath('gemini', 'gemini-2.5-flash')).toBe(
      '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
    );
  });
});
