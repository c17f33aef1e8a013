import { describe, expect, it } from 'vitest';
import { decodeFixture } from '../../test/provider-fixtures.js';
import { accumulate, type Message, type ProviderName } from '../message/index.js';
import type { SSEEvent } from '../sse/index.js';
import { decodeProvider } from './index.js';

async function* events(...bodies: (object | string)[]): AsyncIterable<SSEEvent> {
  for (const body of bodies)
    yield { event: 'message', id: '', data: typeof body === 'string' ? body : JSON.stringify(body) };
}

const decode = (provider: ProviderName, ...bodies: (object | string)[]): Promise<Message> =>
  accumulate(decodeProvider(provider, events(...bodies)));

const text = (m: Message): string => m.parts.flatMap((p) => (p.type === 'text' ? [p.text] : [])).join('');

describe('finish reasons', () => {
  it("gemini: the last finish reason is the answer's — RECITATION after an earlier STOP is content-filter", async () => {
    const message = await decodeFixture('gemini-recitation-after-stop');
    expect(message).toMatchObject({ status: 'done', finishReason: 'content-filter', rawFinishReason: 'RECITATION' });
    expect(text(message)).toBe(
      'Here are the opening lines of the poem:\n\nThe woods are lovely, dark and deep,\nBut I have promises to keep,',
    );
  });

  it('gemini: an intermediate STOP (a code round) does not end the answer; what follows it is kept', async () => {
    const message = await decodeFixture('gemini-code-execution');
    expect(message).toMatchObject({ status: 'done', finishReason: 'stop', rawFinishReason: 'STOP' });
    expect(text(message)).toMatch(/The second number is 142\.$/);
  });
});

describe('usage', () => {
  it('counts reasoning in the output when a server reports it apart from completion_tokens (xAI)', async () => {
    expect((await decodeFixture('openai-chat-xai-reasoning-tokens')).usage).toEqual({
      inputTokens: 12,
      outputTokens: 291,
      cachedInputTokens: 11,
      reasoningTokens: 290,
    });
  });

  it("keeps OpenAI's own count, which already includes reasoning", async () => {
    const message = await decode(
      'openai-chat',
      {
        id: 'c',
        model: 'm',
        choices: [],
        usage: { prompt_tokens: 5, completion_tokens: 40, completion_tokens_details: { reasoning_tokens: 30 } },
      },
      '[DONE]',
    );
    expect(message.usage).toEqual({ inputTokens: 5, outputTokens: 40, reasoningTokens: 30 });
  });
});

describe('several choices or candidates', () => {
  it('openai chat n=2: only choice 0 is the message, the other is counted, never mixed in', async () => {
    const message = await decodeFixture('openai-chat-two-choices');
    expect(message.parts).toEqual([{ type: 'text', text: 'cobalt' }]);
    expect(message.metadata).toEqual({ ignored: { 'choice:1': 4 } });
  });

  it('gemini candidateCount=2: only candidate 0, whatever order they come in', async () => {
    const message = await decode('gemini', {
      responseId: 'r',
      candidates: [
        { index: 1, content: { parts: [{ text: 'Second.' }] }, finishReason: 'MAX_TOKENS' },
        { index: 0, content: { parts: [{ text: 'First.' }] }, finishReason: 'STOP' },
      ],
    });
    expect(message).toMatchObject({
      finishReason: 'stop',
      parts: [{ type: 'text', text: 'First.' }],
      metadata: { ignored: { 'candidate:1': 1 } },
    });
  });
});

describe('reasoning in other shapes', () => {
  it('mistral: thinking items of a content array are reasoning, text items are text', async () => {
    expect((await decodeFixture('openai-chat-mistral-thinking')).parts).toEqual([
      { type: 'reasoning', text: 'The user is asking for 2+2. This is basic arithmetic. 2+2=4.' },
      { type: 'text', text: '2 + 2 = 4' },
    ]);
  });

  it('openrouter: reasoning_details are merged into one detail, kept on the reasoning, text shown once', async () => {
    const [reasoning] = (await decodeFixture('openai-chat-openrouter-reasoning-details')).parts;
    expect(reasoning).toMatchObject({
      type: 'reasoning',
      providerData: {
        reasoningDetails: [
          { type: 'reasoning.text', format: 'anthropic-claude-v1', index: 0, signature: 'signature_REDACTED_1' },
        ],
      },
    });
    const [detail] = (reasoning?.type === 'reasoning' ? reasoning.providerData?.['reasoningDetails'] : []) as {
      text: string;
    }[];
    expect(reasoning?.type === 'reasoning' && reasoning.text).toBe(detail?.text);
    expect(detail?.text).toMatch(/^The user is asking me to:\n1\. Think briefly/);
  });

  it('openrouter: details without a reasoning field still show their text', async () => {
    const message = await decode(
      'openai-chat',
      {
        id: 'c',
        model: 'm',
        choices: [
          { index: 0, delta: { reasoning_details: [{ type: 'reasoning.summary', index: 0, summary: 'Plan.' }] } },
        ],
      },
      { id: 'c', model: 'm', choices: [{ index: 0, delta: { content: 'Done.' }, finish_reason: 'stop' }] },
      '[DONE]',
    );
    expect(message.parts).toEqual([
      {
        type: 'reasoning',
        text: 'Plan.',
        providerData: { reasoningDetails: [{ type: 'reasoning.summary', index: 0, summary: 'Plan.' }] },
      },
      { type: 'text', text: 'Done.' },
    ]);
  });
});

describe('what a decoder does not know', () => {
  it('is counted in metadata.ignored and decoding goes on, for every provider', async () => {
    const anthropic = await decode(
      'anthropic',
      { type: 'content_block_start', index: 0, content_block: { type: 'hologram' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'smell_delta' } },
      { type: 'future_event' },
      { type: 'content_block_start', index: 2, content_block: { type: 'text', text: 'Still here.' } },
      { type: 'message_stop' },
    );
    expect(anthropic).toMatchObject({
      status: 'done',
      parts: [{ text: 'Still here.' }],
      metadata: { ignored: { 'block:hologram': 1, 'delta:smell_delta': 1, 'event:future_event': 1 } },
    });
    const responses = await decode(
      'openai-responses',
      { type: 'response.hologram.added' },
      { type: 'response.output_item.added', item: { id: 'x', type: 'hologram_call' } },
      { type: 'response.output_text.delta', item_id: 'm', content_index: 0, delta: 'Still here.' },
      { type: 'response.completed', response: { status: 'completed' } },
    );
    expect(responses).toMatchObject({
      status: 'done',
      parts: [{ text: 'Still here.' }],
      metadata: { ignored: { 'event:response.hologram.added': 1, 'item:hologram_call': 1 } },
    });
    const gemini = await decode('gemini', {
      candidates: [{ content: { parts: [{ hologram: {} }, { text: 'Still here.' }] }, finishReason: 'STOP' }],
    });
    expect(gemini).toMatchObject({
      status: 'done',
      parts: [{ text: 'Still here.' }],
      metadata: { ignored: { 'part:hologram': 1 } },
    });
    const chat = await decode(
      'openai-chat',
      { id: 'c', choices: [{ index: 0, delta: { hologram: 1, content: 'Still here.' }, finish_reason: 'stop' }] },
      '[DONE]',
    );
    expect(chat).toMatchObject({
      status: 'done',
      parts: [{ text: 'Still here.' }],
      metadata: { ignored: { 'delta:hologram': 1 } },
    });
  });

  it('leaves out the lifecycle events that add nothing, without counting them', async () => {
    for (const name of [
      'openai-responses-web-search',
      'openai-responses-code-interpreter',
      'openai-responses-mcp',
      'anthropic-pause-turn',
      'gemini-grounding',
    ]) {
      expect((await decodeFixture(name)).metadata, name).toBeUndefined();
    }
  });
});

describe('terminators', () => {
  it('perplexity ends with a chat.completion.done chunk instead of [DONE]: done; a chat stream without either is interrupted, even after its finish reason', async () => {
    expect((await decodeFixture('openai-chat-perplexity-citations')).status).toBe('done');
    expect(
      await decode('openai-chat', {
        id: 'c',
        choices: [{ index: 0, delta: { content: 'Half' }, finish_reason: 'stop' }],
      }),
    ).toMatchObject({ status: 'interrupted', finishReason: 'stop', parts: [{ text: 'Half' }] });
  });
});
