import { describe, expect, it } from 'vitest';
import { decodeFixture, fixtureEvents } from '../../../test/provider-fixtures.js';
import type { Message } from '../../message/index.js';
import { toProviderRequest } from './index.js';

type Block = Record<string, unknown>;

/** The assistant content an Anthropic stream carried, rebuilt from its raw events (inputs and texts joined from their deltas). */
function streamedBlocks(name: string): Block[] {
  const blocks: Block[] = [];
  const inputs = new Map<number, string>();
  for (const event of fixtureEvents(name)) {
    const index = event['index'] as number;
    const delta = event['delta'] as Block | undefined;
    if (event['type'] === 'content_block_start') blocks[index] = { ...(event['content_block'] as Block) };
    const block = blocks[index];
    if (event['type'] !== 'content_block_delta' || block === undefined || delta === undefined) continue;
    if (delta['type'] === 'input_json_delta')
      inputs.set(index, (inputs.get(index) ?? '') + String(delta['partial_json']));
    if (delta['type'] === 'text_delta') block['text'] = String(block['text']) + String(delta['text']);
    if (delta['type'] === 'thinking_delta') block['thinking'] = String(block['thinking']) + String(delta['thinking']);
    if (delta['type'] === 'signature_delta') block['signature'] = delta['signature'];
  }
  for (const [index, input] of inputs) if (input !== '') (blocks[index] as Block)['input'] = JSON.parse(input);
  return blocks;
}

const assistantContent = (provider: 'anthropic' | 'gemini', message: Message): unknown => {
  const body = toProviderRequest(provider, { model: 'm', messages: [{ role: 'user', content: 'Go.' }, message] });
  return provider === 'anthropic'
    ? (body['messages'] as { content: unknown }[])[1]?.content
    : (body['contents'] as { parts: unknown }[])[1]?.parts;
};

describe('sending provider data back', () => {
  it('anthropic: a paused turn goes back as it came — thinking with its signature, each server_tool_use and its result block verbatim, the unanswered last call alone', async () => {
    const sent = assistantContent('anthropic', await decodeFixture('anthropic-pause-turn')) as Block[];
    const streamed = streamedBlocks('anthropic-pause-turn');
    expect(sent).toHaveLength(25);
    expect(sent).toEqual(
      streamed.map((block) => (block['type'] === 'text' ? { type: 'text', text: block['text'] } : block)),
    );
    expect(sent.at(-1)).toMatchObject({
      type: 'server_tool_use',
      name: 'web_search',
      input: { query: 'latest news on the air quality in San Francisco today' },
    });
  });

  it('anthropic: MCP calls go back with their server and their result with is_error; code execution with its caller', async () => {
    expect(
      (assistantContent('anthropic', await decodeFixture('anthropic-mcp')) as Block[]).filter((b) =>
        String(b['type']).startsWith('mcp'),
      ),
    ).toEqual(streamedBlocks('anthropic-mcp').filter((b) => String(b['type']).startsWith('mcp')));
    const sent = assistantContent('anthropic', await decodeFixture('anthropic-code-execution-web-fetch')) as Block[];
    expect(sent.filter((b) => b['type'] !== 'text')).toEqual(
      streamedBlocks('anthropic-code-execution-web-fetch').filter((b) => b['type'] !== 'text'),
    );
  });

  it("anthropic: another provider's tool calls and file parts are left out", async () => {
    const web = await decodeFixture('openai-responses-web-search');
    expect(assistantContent('anthropic', web)).toEqual([
      { type: 'text', text: (web.parts.find((p) => p.type === 'text') as { text: string }).text },
    ]);
  });

  it('openai responses: finished tool items go back verbatim (an image with its result), reasoning with its id and encrypted content', async () => {
    const input = (message: Message): Block[] =>
      toProviderRequest('openai-responses', { model: 'm', messages: [message] })['input'] as Block[];
    const doneItems = (name: string): Block[] =>
      fixtureEvents(name).flatMap((e) => (e['type'] === 'response.output_item.done' ? [e['item'] as Block] : []));
    const search = input(await decodeFixture('openai-responses-web-search'));
    expect(search.slice(0, 2)).toEqual(doneItems('openai-responses-web-search').slice(0, 2));
    const image = input(await decodeFixture('openai-responses-image-generation'));
    expect(image).toEqual([doneItems('openai-responses-image-generation')[1]]);
    const mcp = input(await decodeFixture('openai-responses-mcp'));
    const [, firstReasoning, call] = doneItems('openai-responses-mcp');
    expect(mcp.slice(0, 2)).toEqual([
      {
        type: 'reasoning',
        id: firstReasoning?.['id'],
        summary: [],
        encrypted_content: firstReasoning?.['encrypted_content'],
      },
      call,
    ]);
  });

  it('openai responses: a provider call that never finished is left out', () => {
    const body = toProviderRequest('openai-responses', {
      model: 'm',
      messages: [
        {
          role: 'assistant',
          parts: [
            {
              type: 'tool-call',
              toolCallId: 'ws_1',
              toolName: 'web_search',
              inputText: '',
              input: {},
              state: 'input-streaming',
              providerExecuted: true,
              providerData: { type: 'web_search_call' },
            },
            { type: 'text', text: 'Half' },
          ],
        },
      ],
    });
    expect(body['input']).toEqual([{ role: 'assistant', content: [{ type: 'output_text', text: 'Half' }] }]);
  });

  it('gemini: code it ran goes back as executableCode and codeExecutionResult parts; an image as inlineData with its signature', async () => {
    expect(assistantContent('gemini', await decodeFixture('gemini-code-execution'))).toEqual([
      { text: 'Here are the computations:\n\nFirst run:\n' },
      { executableCode: { language: 'PYTHON', code: 'print(6 * 7)\n' } },
      { codeExecutionResult: { outcome: 'OUTCOME_OK', output: '42\n' } },
      { text: 'The first number is 42.\n\nSecond run:\n' },
      { executableCode: { language: 'PYTHON', code: 'print(6 * 7 + 100)\n' } },
      { codeExecutionResult: { outcome: 'OUTCOME_OK', output: '142\n' } },
      { text: 'The second number is 142.' },
    ]);
    expect(assistantContent('gemini', await decodeFixture('gemini-image'))).toEqual([
      { inlineData: { mimeType: 'image/jpeg', data: 'AA==' }, thoughtSignature: 'live-image-thought-signature' },
    ]);
  });

  it('gemini: a streamed call goes back whole, the thought signature on the call it came with and on no other', async () => {
    const message = await decodeFixture('gemini-streamed-function-args');
    const [first] = fixtureEvents('gemini-streamed-function-args') as {
      candidates: { content: { parts: { thoughtSignature: string }[] } }[];
    }[];
    expect(assistantContent('gemini', message)).toEqual([
      {
        functionCall: { name: 'getWeather', args: { location: 'Boston' } },
        thoughtSignature: first?.candidates[0]?.content.parts[0]?.thoughtSignature,
      },
      { functionCall: { name: 'getWeather', args: { location: 'San Francisco' } } },
    ]);
  });

  it('openai chat: OpenRouter reasoning_details go back on the assistant message, merged as they streamed', async () => {
    const message = await decodeFixture('openai-chat-openrouter-reasoning-details');
    const body = toProviderRequest('openai-chat', { model: 'm', messages: [message] });
    const [assistant] = body['messages'] as Block[];
    expect(assistant).toMatchObject({
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'toolu_REDACTED_1', function: { name: 'lookup', arguments: '{"value":"cobalt"}' } }],
    });
    expect(assistant?.['reasoning_details']).toEqual([
      expect.objectContaining({
        type: 'reasoning.text',
        index: 0,
        format: 'anthropic-claude-v1',
        signature: 'signature_REDACTED_1',
      }),
    ]);
    expect((assistant?.['reasoning_details'] as { text: string }[])[0]?.text).toBe(
      (message.parts[0] as { text: string }).text,
    );
  });
});
