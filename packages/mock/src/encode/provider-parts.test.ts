import { readFileSync, readdirSync } from 'node:fs';
import {
  createMessageAccumulator,
  createSSEDecoder,
  decodeProvider,
  type Message,
  type ProviderName,
  type SSEEvent,
} from '@rill/core';
import { describe, expect, it } from 'vitest';
import {
  builtinScenarios,
  encodeScenario,
  encodeScenarioText,
  type MockImagePart,
  type MockPart,
  type MockScenario,
  type MockTextPart,
  type MockToolCallPart,
} from '../index.js';
import { decodeChunks, providers } from '../../test/round-trip.js';

/** The scenario's first part of a kind (the built-in scenarios have each kind they are tested for). */
function partOf<T extends MockPart['type']>(scenario: MockScenario, type: T): Extract<MockPart, { type: T }> {
  const part = scenario.parts.find((p): p is Extract<MockPart, { type: T }> => p.type === type);
  if (part === undefined) throw new Error(`the ${scenario.name ?? ''} scenario has no ${type} part`);
  return part;
}

async function* replay(events: SSEEvent[]): AsyncIterable<SSEEvent> {
  yield* events;
}

/** Every snapshot of the message while the scenario's stream is decoded one event at a time. */
async function snapshots(provider: ProviderName, scenario: MockScenario): Promise<Message[]> {
  const list: SSEEvent[] = [];
  const decoder = createSSEDecoder({ onEvent: (e) => list.push(e) });
  decoder.push(encodeScenarioText(provider, scenario));
  decoder.end();
  const accumulator = createMessageAccumulator();
  const seen: Message[] = [];
  for await (const part of decodeProvider(provider, replay(list))) {
    accumulator.push(part);
    seen.push(accumulator.current());
  }
  return seen;
}

describe('provider-run parts, citations and files on each wire', () => {
  it.each(providers)(
    '%s: every citation covers the words the scenario cites and names a source of the message',
    async (provider) => {
      const scenario = builtinScenarios['web-search'];
      const cited: MockTextPart = partOf(scenario, 'text');
      const citedSpans = cited.citations ?? [];
      const spans = new Set(citedSpans.map((c) => cited.text.slice(c.start, c.end)));
      const message = await decodeChunks(provider, [encodeScenarioText(provider, scenario)]);
      const sources = new Set(message.parts.flatMap((p) => (p.type === 'source' ? [p.id] : [])));
      const citations = message.parts.flatMap((p) =>
        p.type === 'text'
          ? (p.citations ?? []).map((c) => ({
              words: c.start === undefined ? p.text : p.text.slice(c.start, c.end),
              sourceId: c.sourceId,
            }))
          : [],
      );
      expect(citations).toHaveLength(citedSpans.length);
      for (const { words, sourceId } of citations) {
        expect(spans.has(words)).toBe(true);
        expect(sources.has(sourceId)).toBe(true);
      }
      expect([...sources]).toEqual([...new Set(citedSpans.map((c) => c.source.url))]);
    },
  );

  it('the web search and the code run are calls the provider executed, with their results, where the wire has them', async () => {
    const executed = async (provider: ProviderName, name: 'web-search' | 'code-execution') =>
      (await decodeChunks(provider, [encodeScenarioText(provider, builtinScenarios[name])])).parts
        .filter((p) => p.type === 'tool-call')
        .map((p) => [p.toolName, p.state, p.providerExecuted]);
    expect(await executed('anthropic', 'web-search')).toEqual([['web_search', 'output-available', true]]);
    expect(await executed('openai-responses', 'web-search')).toEqual([['web_search', 'output-available', true]]);
    expect(await executed('anthropic', 'code-execution')).toEqual([['code_execution', 'output-available', true]]);
    expect(await executed('openai-responses', 'code-execution')).toEqual([
      ['code_interpreter', 'output-available', true],
    ]);
    expect(await executed('gemini', 'code-execution')).toEqual([['code_execution', 'output-available', true]]);
    // Chat Completions has no provider-run tools, and Gemini's search is only its grounding.
    expect(await executed('openai-chat', 'web-search')).toEqual([]);
    expect(await executed('gemini', 'web-search')).toEqual([]);
  });

  it('openai-responses: the partial image shows first, then the finished image replaces it in place', async () => {
    const seen = await snapshots('openai-responses', builtinScenarios.image);
    const image: MockImagePart = partOf(builtinScenarios.image, 'image');
    const files = seen.flatMap((m) =>
      m.parts.flatMap((p, i) => (p.type === 'file' ? [{ i, partial: p.partial === true, data: p.data }] : [])),
    );
    expect(files[0]).toEqual({ i: 2, partial: true, data: image.partials?.[0] });
    expect(files.at(-1)).toEqual({ i: 2, partial: false, data: image.data });
    expect(seen.at(-1)?.parts.filter((p) => p.type === 'file')).toHaveLength(1);
  });

  it('gemini: streamed arguments (partialArgs, willContinue) make one call whose input fills in, never a call per chunk', async () => {
    const scenario = builtinScenarios['streamed-tool-args'];
    const call: MockToolCallPart = partOf(scenario, 'tool-call');
    const events = encodeScenario('gemini', scenario).map(
      (e) =>
        JSON.parse(e.data) as {
          candidates: {
            content: { parts: { functionCall?: { partialArgs?: unknown[]; willContinue?: boolean } }[] };
          }[];
        },
    );
    const calls = events.flatMap(
      (e) =>
        e.candidates[0]?.content.parts.flatMap((p) => (p.functionCall === undefined ? [] : [p.functionCall])) ?? [],
    );
    expect(calls.filter((c) => c.partialArgs !== undefined).length).toBeGreaterThan(5);
    expect(calls.at(-1)).toEqual({});

    const seen = await snapshots('gemini', scenario);
    expect(seen.every((m) => m.parts.filter((p) => p.type === 'tool-call').length <= 1)).toBe(true);
    const inputs = seen.flatMap((m) =>
      m.parts.flatMap((p) => (p.type === 'tool-call' && p.state === 'input-streaming' ? [p.input] : [])),
    );
    expect(inputs).toContainEqual({ location: 'San Fran' });
    expect(inputs).toContainEqual({ location: 'San Francisco, CA', days: 3, units: { temperature: 'celsius' } });
    expect(seen.at(-1)?.parts).toEqual([expect.objectContaining({ state: 'input-available', input: call.input })]);
  });
});

// Every field path of a JSON value, `{type}` marking the object kind where it has one; tool inputs are the caller's own data.
function fieldPaths(value: unknown, prefix: string, into: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) fieldPaths(item, `${prefix}[]`, into);
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const kind = typeof record['type'] === 'string' ? `{${record['type']}}` : '';
    for (const [key, item] of Object.entries(record)) {
      into.add(`${prefix}${kind}.${key}`);
      if (key !== 'input' && key !== 'args') fieldPaths(item, `${prefix}${kind}.${key}`, into);
    }
  }
  return into;
}

// The malformed fixtures hold data that is not JSON on purpose, and `[DONE]` is not JSON either.
function json(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

const fixtureDir = new URL('../../../core/test/fixtures/', import.meta.url);

function recordedPaths(provider: ProviderName): Set<string> {
  const paths = new Set<string>();
  for (const file of readdirSync(fixtureDir).filter((f) => f.startsWith(`${provider}-`) && f.endsWith('.sse'))) {
    const decoder = createSSEDecoder({ onEvent: (e) => fieldPaths(json(e.data), '', paths) });
    decoder.push(readFileSync(new URL(file, fixtureDir), 'utf8'));
    decoder.end();
  }
  return paths;
}

// Fields the recorded streams lack, each sent by the real API as documented.
const documented: Record<ProviderName, string[]> = {
  anthropic: [],
  // OpenRouter's web plugin and OpenAI's search models stream url_citation annotations in the delta.
  'openai-chat': ['.choices[].delta.annotations', '.choices[].delta.annotations[]{url_citation}'],
  // Sent when the request includes `web_search_call.action.sources` and `code_interpreter_call.outputs`.
  'openai-responses': ['.action{search}.sources', '.outputs[]{logs}'],
  // `FunctionCall.id` (the recordings are Vertex's, which sends none) and `PartialArg.boolValue`.
  gemini: ['.functionCall.id', '.partialArgs[].boolValue'],
};

describe('the mock writes these shapes as the real APIs do (the recorded fixtures)', () => {
  const scenarios = [builtinScenarios['web-search'], builtinScenarios['code-execution'], builtinScenarios.image];
  it.each(providers)('%s: no field the recorded streams never have, beyond documented ones', (provider) => {
    const recorded = recordedPaths(provider);
    const own = provider === 'gemini' ? [...scenarios, builtinScenarios['streamed-tool-args']] : scenarios;
    const paths = new Set<string>();
    for (const scenario of own)
      for (const event of encodeScenario(provider, scenario)) fieldPaths(json(event.data), '', paths);
    const unknown = [...paths].filter(
      (path) => !recorded.has(path) && !documented[provider].some((field) => path.includes(field)),
    );
    expect(unknown).toEqual([]);
  });
});
