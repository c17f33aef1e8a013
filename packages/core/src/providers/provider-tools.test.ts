import { describe, expect, it } from 'vitest';
import { decodeFixture, fixtureEvents, loadProviderFixtures } from '../../test/provider-fixtures.js';
import { accumulate, type FilePart, type Message, type ToolCallPart } from '../message/index.js';
import { readSSE, type SSEEvent } from '../sse/index.js';
import { decodeProvider } from './index.js';

const calls = (m: Message): ToolCallPart[] => m.parts.filter((p): p is ToolCallPart => p.type === 'tool-call');

async function* events(...bodies: object[]): AsyncIterable<SSEEvent> {
  for (const body of bodies) yield { event: 'message', id: '', data: JSON.stringify(body) };
}

/** Every snapshot a fixture goes through, one per part. */
async function snapshots(name: string): Promise<Message[]> {
  const fixture = loadProviderFixtures().find((f) => f.name === name);
  const seen: Message[] = [];
  await accumulate(decodeProvider(fixture?.provider ?? 'anthropic', readSSE(new Response(fixture?.bytes))), (m) =>
    seen.push(m),
  );
  return seen;
}

describe('provider-executed tool calls', () => {
  it('anthropic: a web search is a provider-executed call whose output is the result block, every result kept', async () => {
    const [search] = calls(await decodeFixture('anthropic-web-search-citations'));
    const resultBlock = fixtureEvents('anthropic-web-search-citations').find(
      (e) => (e['content_block'] as { type?: string } | undefined)?.type === 'web_search_tool_result',
    )?.['content_block'] as { content: unknown };
    expect(search).toMatchObject({
      toolName: 'web_search',
      providerExecuted: true,
      state: 'output-available',
      input: { query: 'San Francisco weather today' },
    });
    expect(search?.output).toEqual(resultBlock.content);
  });

  it('anthropic: a call made by code execution, given whole without input deltas, has that input; code execution has its result', async () => {
    const [code, fetch] = calls(await decodeFixture('anthropic-code-execution-web-fetch'));
    expect(fetch).toMatchObject({
      toolName: 'web_fetch',
      input: { url: 'https://example.com' },
      state: 'output-available',
      output: { type: 'web_fetch_result', url: 'https://example.com' },
    });
    expect(code).toMatchObject({
      toolName: 'code_execution',
      state: 'output-available',
      output: { type: 'code_execution_result', return_code: 0 },
    });
    expect((code?.input as { code: string }).code).toContain('await web_fetch(');
  });

  it('anthropic: an MCP call keeps its server for sending back; an error result makes the call output-error', async () => {
    const [mcp] = calls(await decodeFixture('anthropic-mcp'));
    expect(mcp).toMatchObject({
      toolName: 'ask_question',
      providerExecuted: true,
      state: 'output-available',
      providerData: {
        block: { type: 'mcp_tool_use', server_name: 'deepwiki' },
        resultBlock: { type: 'mcp_tool_result', is_error: false },
      },
    });
    const failed = await accumulate(
      decodeProvider(
        'anthropic',
        events(
          {
            type: 'content_block_start',
            index: 0,
            content_block: { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_fetch', input: {} },
          },
          {
            type: 'content_block_delta',
            index: 0,
            delta: { type: 'input_json_delta', partial_json: '{"url":"https://a.test/"}' },
          },
          { type: 'content_block_stop', index: 0 },
          {
            type: 'content_block_start',
            index: 1,
            content_block: {
              type: 'web_fetch_tool_result',
              tool_use_id: 'srvtoolu_1',
              content: { type: 'web_fetch_tool_error', error_code: 'url_not_accessible' },
            },
          },
          { type: 'content_block_stop', index: 1 },
          { type: 'message_stop' },
        ),
      ),
    );
    expect(calls(failed)[0]).toMatchObject({
      state: 'output-error',
      errorText: 'url_not_accessible',
      output: { type: 'web_fetch_tool_error' },
    });
  });

  it('anthropic: a paused turn ends with the last search still unanswered, finish other / pause_turn', async () => {
    const message = await decodeFixture('anthropic-pause-turn');
    const searches = calls(message);
    expect(searches).toHaveLength(11);
    expect(searches.slice(0, -1).every((c) => c.state === 'output-available')).toBe(true);
    expect(searches.at(-1)).toMatchObject({
      state: 'input-available',
      input: { query: 'latest news on the air quality in San Francisco today' },
    });
    expect(searches.at(-1)?.output).toBeUndefined();
    expect(message).toMatchObject({ status: 'done', finishReason: 'other', rawFinishReason: 'pause_turn' });
  });

  it('openai responses: code interpreter code streams as the call input { code }, then the finished item is the output', async () => {
    const seen = await snapshots('openai-responses-code-interpreter');
    const streaming = seen
      .map((m) => calls(m)[0])
      .filter((c) => c?.state === 'input-streaming' && typeof (c.input as { code?: unknown })?.code === 'string');
    const final = calls(seen.at(-1) as Message);
    const codes = streaming.map((c) => (c?.input as { code: string }).code);
    expect(codes.slice(0, 3)).toEqual(['n', 'n =', 'n = pow']);
    expect(codes.every((code, i) => i === 0 || code.startsWith(codes[i - 1] as string))).toBe(true);
    expect(final.map((c) => c.input)).toEqual([
      { code: 'n = pow(123456, 123)\nlen(str(n))' },
      { code: 'str(n)[:100], str(n)[-100:]' },
      { code: 'n' },
    ]);
    expect(final[0]).toMatchObject({
      toolName: 'code_interpreter',
      providerExecuted: true,
      state: 'output-available',
      output: { type: 'code_interpreter_call', container_id: 'cntr_68c3509aa0348191ad0bfefe24878dbb0deaa35a4e39052e' },
    });
  });

  it('openai responses: web search, file search and MCP calls carry their finished items', async () => {
    const [search] = calls(await decodeFixture('openai-responses-web-search'));
    expect(search).toMatchObject({
      toolName: 'web_search',
      input: { type: 'search', query: 'tallest mountain in Alberta highest peak Alberta Mount Columbia elevation' },
      output: { type: 'web_search_call', status: 'completed' },
    });
    const [files] = calls(await decodeFixture('openai-responses-file-search'));
    expect(files).toMatchObject({
      toolName: 'file_search',
      input: { queries: ['What is the capital of France?'] },
      state: 'output-available',
    });
    const [mcp] = calls(await decodeFixture('openai-responses-mcp'));
    expect(mcp).toMatchObject({
      toolName: 'ask_question',
      input: { repoName: 'pydantic/pydantic-ai' },
      output: { type: 'mcp_call', server_label: 'deepwiki' },
    });
    expect((mcp?.output as { output: string }).output).toMatch(
      /^The `pydantic\/pydantic-ai` repository is a Python agent framework/,
    );
  });

  it('openai responses: a generated image shows its partial version first, then the final one in its place', async () => {
    const seen = await snapshots('openai-responses-image-generation');
    const versions = [
      ...new Set(seen.map((m) => m.parts.find((p): p is FilePart => p.type === 'file')).filter((f) => f !== undefined)),
    ];
    const [partial, final] = versions;
    expect(versions).toHaveLength(2);
    expect(partial).toMatchObject({
      partial: true,
      mediaType: 'image/webp',
      toolCallId: 'ig_0df93c0bb83a72f20068c979f589c0819e9f0fc2d1a27aa1b8',
    });
    expect(final).toMatchObject({ mediaType: 'image/webp' });
    expect(final?.partial).toBeUndefined();
    expect((calls(seen.at(-1) as Message)[0]?.output as Record<string, unknown>)['result']).toBeUndefined();
  });

  it('gemini: code it ran is a code_execution call with each run result; a failed run makes it output-error', async () => {
    const rounds = calls(await decodeFixture('gemini-code-execution'));
    expect(rounds.map((c) => [c.input, c.output])).toEqual([
      [{ language: 'PYTHON', code: 'print(6 * 7)\n' }, [{ outcome: 'OUTCOME_OK', output: '42\n' }]],
      [{ language: 'PYTHON', code: 'print(6 * 7 + 100)\n' }, [{ outcome: 'OUTCOME_OK', output: '142\n' }]],
    ]);
    const failed = await accumulate(
      decodeProvider(
        'gemini',
        events({
          candidates: [
            {
              content: {
                parts: [
                  { executableCode: { language: 'PYTHON', code: "print('ok')\nprint(1/0)" } },
                  { codeExecutionResult: { outcome: 'OUTCOME_OK', output: 'ok\n' } },
                  {
                    codeExecutionResult: { outcome: 'OUTCOME_FAILED', output: 'ZeroDivisionError: division by zero\n' },
                  },
                ],
              },
              finishReason: 'STOP',
            },
          ],
        }),
      ),
    );
    expect(calls(failed)[0]).toMatchObject({
      state: 'output-error',
      errorText: 'ZeroDivisionError: division by zero\n',
      output: [{ outcome: 'OUTCOME_OK' }, { outcome: 'OUTCOME_FAILED' }],
    });
  });

  it('gemini: an image part is a file with its media type, the signature it came with kept before it', async () => {
    const message = await decodeFixture('gemini-image');
    expect(message.parts).toEqual([
      { type: 'reasoning', text: '', signature: 'live-image-thought-signature' },
      { type: 'file', id: 'live-response-id-file-1', mediaType: 'image/jpeg', data: 'AA==' },
    ]);
  });
});
