import { readFileSync, readdirSync } from 'node:fs';
import type { Message, ProviderName } from '@rill/core';
import { describe, expect, it } from 'vitest';
import {
  builtinScenarios,
  encodeScenario,
  encodeScenarioText,
  expectedMessage,
  seededRandom,
  type MockPart,
  type MockScenario,
} from '../index.js';
import { decodeChunks, providers, randomChunks } from '../../test/round-trip.js';

const scenarios = Object.values(builtinScenarios).filter((s) => s.name !== 'long-text');

describe('encodeScenario', () => {
  it.each(providers)('%s: every event has the next sequential id, and the terminator is last', (provider) => {
    const events = encodeScenario(provider, builtinScenarios['tool-call']);
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => String(i + 1)));
    const last = events.at(-1);
    const terminators: Record<ProviderName, (data: string) => boolean> = {
      anthropic: (d) => d === '{"type":"message_stop"}',
      'openai-chat': (d) => d === '[DONE]',
      'openai-responses': (d) => d.startsWith('{"type":"response.completed"'),
      gemini: (d) => d.includes('"finishReason":"STOP"'),
    };
    expect(terminators[provider](last?.data ?? '')).toBe(true);
    const cut = encodeScenario(provider, builtinScenarios['tool-call'], { terminate: false });
    expect(cut.some((e) => terminators[provider](e.data))).toBe(false);
  });

  it('frames Gemini with CRLF and the others with LF, like the real services', () => {
    const gemini = encodeScenarioText('gemini', builtinScenarios.text);
    expect(gemini).toMatch(/^data: \{"candidates":.*\r\nid: 1\r\n\r\ndata: /);
    expect(gemini.replaceAll('\r\n', '')).not.toContain('\n');
    const anthropic = encodeScenarioText('anthropic', builtinScenarios.text);
    expect(anthropic.startsWith('event: message_start\ndata: {"type":"message_start"')).toBe(true);
    expect(anthropic).not.toContain('\r');
  });

  it('gives Gemini running usage as the tokens sent so far, thoughts apart, then the final counts', () => {
    const scenario: MockScenario = {
      parts: [
        { type: 'reasoning', text: 'one two three four five' },
        { type: 'text', text: 'six seven eight nine ten eleven' },
      ],
    };
    const usages = encodeScenario('gemini', scenario).map(
      (e) => (JSON.parse(e.data) as { usageMetadata: Record<string, number> }).usageMetadata,
    );
    // Four tokens a chunk: thoughts 4, 5; then text 4, 6 (the last chunk carries the final counts).
    expect(usages.map((u) => [u.candidatesTokenCount, u.thoughtsTokenCount])).toEqual([
      [0, 4],
      [0, 5],
      [4, 5],
      [6, 5],
    ]);
    expect(usages.at(-1)).toMatchObject({ promptTokenCount: 12, totalTokenCount: 23 });
  });

  it('is deterministic, so a resume re-encodes the same events', () => {
    for (const provider of providers)
      expect(encodeScenarioText(provider, builtinScenarios.reasoning)).toBe(
        encodeScenarioText(provider, builtinScenarios.reasoning),
      );
  });

  it('names the request model when the scenario names none', () => {
    const [start] = encodeScenario('anthropic', builtinScenarios.text, { requestModel: 'claude-opus-4-6' });
    expect(JSON.parse(start?.data ?? '{}')).toMatchObject({ message: { model: 'claude-opus-4-6' } });
  });
});

describe('round trip: encode, then decode with @rill/core in random chunkings', () => {
  for (const provider of providers) {
    for (const scenario of scenarios) {
      it(`${provider} / ${scenario.name}`, async () => {
        const bytes = new TextEncoder().encode(encodeScenarioText(provider, scenario));
        const expected = expectedMessage(provider, scenario);
        const random = seededRandom(7);
        for (let round = 0; round < 20; round++)
          expect(await decodeChunks(provider, randomChunks(bytes, random))).toEqual(expected);
      });
    }
    it(`${provider}: without the terminator the message is interrupted and keeps what arrived`, async () => {
      const scenario = builtinScenarios['tool-call'];
      const message = await decodeChunks(provider, [encodeScenarioText(provider, scenario, { terminate: false })]);
      expect(message).toMatchObject(expectedMessage(provider, scenario, { terminate: false }));
      expect(message.error?.kind).toBe('interrupted');
    });
    it(`${provider}: length and content-filter finishes come back as such`, async () => {
      for (const finishReason of ['length', 'content-filter'] as const) {
        const scenario: MockScenario = { parts: [{ type: 'text', text: 'Cut short here' }], finishReason };
        const message = await decodeChunks(provider, [encodeScenarioText(provider, scenario)]);
        expect(message).toEqual(expectedMessage(provider, scenario));
        expect(message.finishReason).toBe(finishReason);
      }
    });
  }

  it('keeps multi-byte characters whole however the bytes are split', async () => {
    const scenario: MockScenario = { parts: [{ type: 'text', text: 'Ünïcødé 🚀🚀 streams — “quoted” 漢字かな' }] };
    const bytes = new TextEncoder().encode(encodeScenarioText('openai-chat', scenario));
    const random = seededRandom(3);
    for (let round = 0; round < 30; round++)
      expect((await decodeChunks('openai-chat', randomChunks(bytes, random))).parts).toEqual([
        { type: 'text', text: scenario.parts[0]?.type === 'text' ? scenario.parts[0].text : '' },
      ]);
  });
});

// The shared fixtures are real provider bytes: the mock's own encoding of the same message must decode alike.
const fixtureDir = new URL('../../../core/test/fixtures/', import.meta.url);
const fixtureProvider = (name: string): ProviderName | undefined =>
  providers.find(
    (p) => name.startsWith(`${p}-`) && !(p === 'openai-chat' && name.startsWith('openai-chat-') === false),
  );

// What the mock cannot write yet (citations, provider-executed calls, provider data, counted unknowns; a reasoning part whose long signature the expected file leaves out) is not its to reproduce.
function scenarioOf(message: Message): MockScenario | undefined {
  const parts: MockPart[] = [];
  if (message.metadata !== undefined) return undefined;
  for (const part of message.parts) {
    if (part.type === 'text' && part.citations === undefined) parts.push({ type: 'text', text: part.text });
    else if (
      part.type === 'reasoning' &&
      part.redacted !== true &&
      part.providerData === undefined &&
      (part.text !== '' || part.signature !== undefined)
    )
      parts.push({
        type: 'reasoning',
        text: part.text,
        ...(part.signature !== undefined && { signature: part.signature }),
      });
    else if (part.type === 'tool-call' && part.providerExecuted !== true)
      parts.push({ type: 'tool-call', toolCallId: part.toolCallId, toolName: part.toolName, input: part.input });
    else return undefined;
  }
  const { finishReason, usage } = message;
  if (
    finishReason === 'error' ||
    finishReason === 'other' ||
    usage?.inputTokens === undefined ||
    usage.outputTokens === undefined
  )
    return undefined;
  return {
    parts,
    ...(message.id !== undefined && { id: message.id }),
    ...(message.model !== undefined && { model: message.model }),
    ...(finishReason !== undefined && { finishReason }),
    usage: {
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      ...(usage.cachedInputTokens !== undefined && { cachedInputTokens: usage.cachedInputTokens }),
      ...(usage.reasoningTokens !== undefined && { reasoningTokens: usage.reasoningTokens }),
    },
  };
}

describe('shared fixtures', () => {
  const done = readdirSync(fixtureDir)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => ({
      name: f.replace('.expected.json', ''),
      expected: JSON.parse(readFileSync(new URL(f, fixtureDir), 'utf8')) as Message,
    }))
    .filter(({ expected }) => expected.status === 'done');

  it('covers every provider', () => {
    expect(new Set(done.map(({ name }) => fixtureProvider(name)))).toEqual(new Set(providers));
  });

  for (const { name, expected } of done) {
    const provider = fixtureProvider(name);
    const scenario = scenarioOf(expected);
    if (provider === undefined || scenario === undefined) continue;
    // The mock writes one word per finish reason (SAFETY for content-filter): a fixture ending in another word is not its to reproduce.
    if (
      expected.rawFinishReason !== undefined &&
      !encodeScenarioText(provider, scenario).includes(expected.rawFinishReason)
    )
      continue;
    it(`${name}: the mock's encoding of the fixture's message decodes to the fixture's expected message`, async () => {
      const bytes = new TextEncoder().encode(encodeScenarioText(provider, scenario));
      expect(await decodeChunks(provider, randomChunks(bytes, seededRandom(11)))).toMatchObject(expected);
    });
  }
});
