import { describe, expect, it } from 'vitest';
import { RillError } from '../errors.js';
import { accumulate, createMessageAccumulator, type Message, type StreamPart } from './index.js';

async function* from(parts: StreamPart[], failure?: unknown): AsyncIterable<StreamPart> {
  yield* parts;
  if (failure !== undefined) throw failure;
}

describe('createMessageAccumulator', () => {
  it('shares unchanged parts between snapshots and never mutates an earlier one', () => {
    const acc = createMessageAccumulator();
    acc.push({ type: 'reasoning-delta', id: 'r', delta: 'Think' });
    acc.push({ type: 'text-delta', id: 't', delta: 'Hel' });
    const first = acc.current();
    acc.push({ type: 'text-delta', id: 't', delta: 'lo' });
    const second = acc.current();

    expect(second).not.toBe(first);
    expect(second.parts[0]).toBe(first.parts[0]);
    expect(first.parts[1]).toEqual({ type: 'text', text: 'Hel' });
    expect(second.parts[1]).toEqual({ type: 'text', text: 'Hello' });
  });

  it('returns the same snapshot until the next part', () => {
    const acc = createMessageAccumulator();
    acc.push({ type: 'text-delta', id: 't', delta: 'a' });
    expect(acc.current()).toBe(acc.current());
  });

  it('routes interleaved deltas by id and keeps arrival order of parts', () => {
    const acc = createMessageAccumulator();
    acc.push({ type: 'text-delta', id: '0', delta: 'A' });
    acc.push({ type: 'tool-input-start', toolCallId: 'c1', toolName: 'f' });
    acc.push({ type: 'text-delta', id: '0', delta: 'B' });
    acc.push({ type: 'tool-input-delta', toolCallId: 'c1', delta: '{"x":1}' });
    acc.push({ type: 'tool-input-end', toolCallId: 'c1' });
    expect(acc.current().parts).toMatchObject([
      { type: 'text', text: 'AB' },
      { type: 'tool-call', toolCallId: 'c1', input: { x: 1 }, state: 'input-available' },
    ]);
  });

  it('gives the partial tool input while it streams and the parsed object once complete', () => {
    const acc = createMessageAccumulator();
    acc.push({ type: 'tool-input-start', toolCallId: 'c1', toolName: 'search' });
    acc.push({ type: 'tool-input-delta', toolCallId: 'c1', delta: '{"query":"ri' });
    expect(acc.current().parts[0]).toMatchObject({
      state: 'input-streaming',
      inputText: '{"query":"ri',
      input: { query: 'ri' },
    });
    acc.push({ type: 'tool-input-delta', toolCallId: 'c1', delta: 'll","limit":3}' });
    acc.push({ type: 'tool-input-end', toolCallId: 'c1' });
    expect(acc.current().parts[0]).toMatchObject({ state: 'input-available', input: { query: 'rill', limit: 3 } });
  });

  it('marks a tool call whose finished input is not JSON as output-error, keeping its text', () => {
    const acc = createMessageAccumulator();
    acc.push({ type: 'tool-input-start', toolCallId: 'c1', toolName: 'f' });
    acc.push({ type: 'tool-input-delta', toolCallId: 'c1', delta: '{"a": tru' });
    acc.push({ type: 'tool-input-end', toolCallId: 'c1' });
    const part = acc.current().parts[0];
    expect(part).toMatchObject({ state: 'output-error', inputText: '{"a": tru' });
    expect(part?.type === 'tool-call' && part.errorText).toMatch(/not valid JSON/);
  });

  it('keeps the value from before a syntax error in the middle of tool input, and ends the call as output-error', () => {
    const acc = createMessageAccumulator();
    acc.push({ type: 'tool-input-start', toolCallId: 'c1', toolName: 'f' });
    acc.push({ type: 'tool-input-delta', toolCallId: 'c1', delta: '{"a":1,' });
    acc.push({ type: 'tool-input-delta', toolCallId: 'c1', delta: '}' });
    acc.push({ type: 'tool-input-delta', toolCallId: 'c1', delta: '"b":2}' });
    expect(acc.current().parts[0]).toMatchObject({ state: 'input-streaming', input: { a: 1 } });
    acc.push({ type: 'tool-input-end', toolCallId: 'c1' });
    expect(acc.current().parts[0]).toMatchObject({
      state: 'output-error',
      inputText: '{"a":1,}"b":2}',
      input: { a: 1 },
    });
  });

  it('collects signature and redacted reasoning', () => {
    const acc = createMessageAccumulator();
    acc.push({ type: 'reasoning-delta', id: '0', delta: 'why' });
    acc.push({ type: 'reasoning-signature', id: '0', signature: 'sig' });
    acc.push({ type: 'reasoning-redacted', id: '1', data: 'opaque' });
    expect(acc.current().parts).toEqual([
      { type: 'reasoning', text: 'why', signature: 'sig' },
      { type: 'reasoning', text: 'opaque', redacted: true },
    ]);
  });

  it('puts citations on their text part (made empty when the citation comes first), copied per snapshot, never mutating an earlier one', () => {
    const acc = createMessageAccumulator();
    acc.push({
      type: 'source',
      source: { id: 'https://a.test/', sourceType: 'url', url: 'https://a.test/', title: 'A' },
    });
    acc.push({ type: 'citation', id: '1', citation: { sourceId: 'https://a.test/', quote: 'q1' } });
    const first = acc.current();
    acc.push({ type: 'text-delta', id: '1', delta: 'Cited.' });
    acc.push({ type: 'citation', id: '1', citation: { sourceId: 'https://a.test/', start: 0, end: 6 } });
    const second = acc.current();
    expect(first.parts).toEqual([
      { type: 'source', id: 'https://a.test/', sourceType: 'url', url: 'https://a.test/', title: 'A' },
      { type: 'text', text: '', citations: [{ sourceId: 'https://a.test/', quote: 'q1' }] },
    ]);
    expect(second.parts[1]).toEqual({
      type: 'text',
      text: 'Cited.',
      citations: [
        { sourceId: 'https://a.test/', quote: 'q1' },
        { sourceId: 'https://a.test/', start: 0, end: 6 },
      ],
    });
    expect(second.parts[0]).toBe(first.parts[0]);
  });

  it('adds each source once, however often it is cited', () => {
    const acc = createMessageAccumulator();
    for (let i = 0; i < 3; i++)
      acc.push({ type: 'source', source: { id: 'doc-0', sourceType: 'document', title: 'Doc' } });
    expect(acc.current().parts).toEqual([{ type: 'source', id: 'doc-0', sourceType: 'document', title: 'Doc' }]);
  });

  it('replaces a progressive file in place: partial versions, then the final one', () => {
    const acc = createMessageAccumulator();
    acc.push({
      type: 'file',
      file: { id: 'ig_1', mediaType: 'image/png', data: 'AAA', partial: true, toolCallId: 'ig_1' },
    });
    acc.push({ type: 'text-delta', id: 't', delta: 'Here it is.' });
    acc.push({ type: 'file', file: { id: 'ig_1', mediaType: 'image/png', data: 'BBBB', toolCallId: 'ig_1' } });
    expect(acc.current().parts).toEqual([
      { type: 'file', id: 'ig_1', mediaType: 'image/png', data: 'BBBB', toolCallId: 'ig_1' },
      { type: 'text', text: 'Here it is.' },
    ]);
  });

  it('gives a provider-executed call its result, or its error, and merges its provider data', () => {
    const acc = createMessageAccumulator();
    acc.push({
      type: 'tool-input-start',
      toolCallId: 's1',
      toolName: 'web_search',
      providerExecuted: true,
      providerData: { type: 'server_tool_use' },
    });
    acc.push({ type: 'tool-input-delta', toolCallId: 's1', delta: '{"query":"rill"}' });
    acc.push({ type: 'tool-input-end', toolCallId: 's1' });
    acc.push({
      type: 'tool-output',
      toolCallId: 's1',
      output: [{ url: 'https://a.test/' }],
      providerData: { resultType: 'web_search_tool_result' },
    });
    acc.push({ type: 'tool-input-start', toolCallId: 's2', toolName: 'web_fetch', providerExecuted: true });
    acc.push({
      type: 'tool-output',
      toolCallId: 's2',
      output: { error_code: 'url_not_accessible' },
      errorText: 'url_not_accessible',
    });
    expect(acc.current().parts).toEqual([
      {
        type: 'tool-call',
        toolCallId: 's1',
        toolName: 'web_search',
        inputText: '{"query":"rill"}',
        input: { query: 'rill' },
        state: 'output-available',
        output: [{ url: 'https://a.test/' }],
        providerExecuted: true,
        providerData: { type: 'server_tool_use', resultType: 'web_search_tool_result' },
      },
      {
        type: 'tool-call',
        toolCallId: 's2',
        toolName: 'web_fetch',
        inputText: '',
        input: {},
        state: 'output-error',
        output: { error_code: 'url_not_accessible' },
        errorText: 'url_not_accessible',
        providerExecuted: true,
      },
    ]);
  });

  it('counts what the decoder did not know in metadata.ignored, and keeps opaque reasoning data', () => {
    const acc = createMessageAccumulator();
    acc.push({ type: 'ignored', what: 'event:response.future' });
    acc.push({ type: 'reasoning-delta', id: 'r', delta: 'think' });
    acc.push({
      type: 'reasoning-data',
      id: 'r',
      providerData: { reasoningDetails: [{ type: 'reasoning.text', text: 'think' }] },
    });
    acc.push({ type: 'ignored', what: 'event:response.future' });
    acc.push({ type: 'ignored', what: 'choice:1' });
    expect(acc.current()).toMatchObject({
      metadata: { ignored: { 'event:response.future': 2, 'choice:1': 1 } },
      parts: [
        {
          type: 'reasoning',
          text: 'think',
          providerData: { reasoningDetails: [{ type: 'reasoning.text', text: 'think' }] },
        },
      ],
    });
  });

  it('ignores parts after the final one', () => {
    const acc = createMessageAccumulator();
    acc.push({ type: 'text-delta', id: 't', delta: 'x' });
    acc.push({ type: 'done' });
    acc.push({ type: 'text-delta', id: 't', delta: 'y' });
    expect(acc.current()).toMatchObject({ status: 'done', parts: [{ text: 'x' }] });
  });
});

describe('accumulate', () => {
  it('calls onSnapshot once per part with growing immutable snapshots', async () => {
    const seen: Message[] = [];
    const final = await accumulate(
      from([
        { type: 'message-start', id: 'm1', model: 'x' },
        { type: 'text-delta', id: 't', delta: 'a' },
        { type: 'text-delta', id: 't', delta: 'b' },
        { type: 'usage', usage: { inputTokens: 3 } },
        { type: 'usage', usage: { outputTokens: 2 } },
        { type: 'finish', finishReason: 'stop', rawFinishReason: 'stop' },
        { type: 'done' },
      ]),
      (m) => seen.push(m),
    );
    expect(seen).toHaveLength(7);
    expect(seen.map((m) => m.parts[0]?.type === 'text' && m.parts[0].text)).toEqual([
      false,
      'a',
      'ab',
      'ab',
      'ab',
      'ab',
      'ab',
    ]);
    expect(final).toEqual({
      role: 'assistant',
      id: 'm1',
      model: 'x',
      status: 'done',
      finishReason: 'stop',
      rawFinishReason: 'stop',
      usage: { inputTokens: 3, outputTokens: 2 },
      parts: [{ type: 'text', text: 'ab' }],
    });
  });

  it.each([
    ['aborted', 'aborted'],
    ['stall', 'interrupted'],
    ['interrupted', 'interrupted'],
    ['http', 'error'],
  ] as const)('turns a thrown %s RillError into status %s, keeping the text', async (kind, status) => {
    const error = new RillError({ kind, message: `${kind}!`, retryable: false });
    const final = await accumulate(from([{ type: 'text-delta', id: 't', delta: 'kept' }], error));
    expect(final).toMatchObject({
      status,
      error: { kind, message: `${kind}!` },
      parts: [{ type: 'text', text: 'kept' }],
    });
  });

  it('calls a network failure after parts arrived interrupted, and one before any part an error', async () => {
    const lost = new RillError({ kind: 'network', message: 'Connection lost', retryable: true });
    expect(await accumulate(from([{ type: 'text-delta', id: 't', delta: 'kept' }], lost))).toMatchObject({
      status: 'interrupted',
      error: { kind: 'network' },
      parts: [{ text: 'kept' }],
    });
    expect(await accumulate(from([], lost))).toMatchObject({ status: 'error', error: { kind: 'network' }, parts: [] });
  });

  it('ends a source that stops without done or error as interrupted', async () => {
    const final = await accumulate(from([{ type: 'text-delta', id: 't', delta: 'half' }]));
    expect(final).toMatchObject({ status: 'interrupted', error: { kind: 'interrupted' }, parts: [{ text: 'half' }] });
  });
});
