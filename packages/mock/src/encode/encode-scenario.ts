import type { Message, ProviderName } from '@rill/core';
import { splitChunks, splitTokens } from '../scenario/tokens.js';
import type { MockScenario, MockUsage } from '../scenario/types.js';
import { anthropicWire } from './anthropic.js';
import { ARGUMENT_CHUNK_CHARS } from './expected-parts.js';
import { geminiWire } from './gemini.js';
import { openAIChatWire } from './openai-chat.js';
import { openAIResponsesWire } from './openai-responses.js';
import type { ProviderWire, ResolvedScenario, WireEvent } from './types.js';

/** Every provider's wire format, by name. */
export const providerWires: Record<ProviderName, ProviderWire> = {
  anthropic: anthropicWire,
  'openai-chat': openAIChatWire,
  'openai-responses': openAIResponsesWire,
  gemini: geminiWire,
};

/** An SSE event as sent: with its `id:` (sequential from "1"), which `Last-Event-ID` resumes after. */
export interface MockEvent extends WireEvent {
  id: string;
}

export interface EncodeOptions {
  /** The model the request named; used when the scenario names none. */
  requestModel?: string;
  /** False leaves out the provider's terminator (the `no-terminator` fault). Default true. */
  terminate?: boolean;
}

/** A prompt's size when the scenario gives no usage: any fixed count will do, it only has to be stable. */
const DEFAULT_INPUT_TOKENS = 12;
const IMAGE_TOKENS = 272;

function estimatedUsage(scenario: MockScenario): MockUsage {
  let output = 0;
  let reasoning = 0;
  for (const part of scenario.parts) {
    if (part.type === 'tool-call') output += splitChunks(JSON.stringify(part.input), ARGUMENT_CHUNK_CHARS).length;
    else if (part.type === 'reasoning') reasoning += splitTokens(part.text).length;
    else if (part.type === 'text') output += splitTokens(part.text).length;
    else if (part.type === 'web-search') output += splitTokens(part.query).length;
    else if (part.type === 'code-execution') output += splitTokens(part.code).length;
    // An image is billed by its size; any fixed count will do.
    else output += IMAGE_TOKENS;
  }
  return {
    inputTokens: DEFAULT_INPUT_TOKENS,
    outputTokens: output + reasoning,
    cachedInputTokens: 0,
    reasoningTokens: reasoning,
  };
}

/**
 * Fills in a scenario's defaults for one provider: its id and model style, usage counted from the parts,
 * and `tool-calls` as the finish reason when the last part is a tool call.
 *
 * @example resolveScenario('anthropic', { parts: [{ type: 'text', text: 'Hi' }] }).id; // 'msg_mock_01'
 */
export function resolveScenario(
  provider: ProviderName,
  scenario: MockScenario,
  requestModel?: string,
): ResolvedScenario {
  const wire = providerWires[provider];
  return {
    ...scenario,
    id: scenario.id ?? wire.defaultId,
    model: scenario.model ?? requestModel ?? wire.defaultModel,
    finishReason: scenario.finishReason ?? (scenario.parts.at(-1)?.type === 'tool-call' ? 'tool-calls' : 'stop'),
    usage: scenario.usage ?? estimatedUsage(scenario),
  };
}

/**
 * Encodes a scenario as a provider's SSE events, each with a sequential id. Deterministic: encoding
 * the same scenario again gives the same events, which is what makes `Last-Event-ID` resumes exact.
 *
 * @example
 * const events = encodeScenario('openai-chat', { parts: [{ type: 'text', text: 'Hi there' }] });
 * events.at(-1)?.data; // '[DONE]'
 */
export function encodeScenario(
  provider: ProviderName,
  scenario: MockScenario,
  options: EncodeOptions = {},
): MockEvent[] {
  const resolved = resolveScenario(provider, scenario, options.requestModel);
  return providerWires[provider]
    .encode(resolved, options.terminate ?? true)
    .map((event, index) => ({ ...event, id: String(index + 1) }));
}

/**
 * Frames one event as SSE text, with the provider's line ending (CRLF for Gemini).
 *
 * @example formatEvent({ event: 'ping', data: '{}', id: '3', token: false }, '\n'); // 'event: ping\ndata: {}\nid: 3\n\n'
 */
export function formatEvent(event: MockEvent, lineEnding: '\n' | '\r\n', withId = true): string {
  const lines = [
    ...(event.event === undefined ? [] : [`event: ${event.event}`]),
    `data: ${event.data}`,
    ...(withId ? [`id: ${event.id}`] : []),
  ];
  return lines.join(lineEnding) + lineEnding + lineEnding;
}

/**
 * The whole response body a scenario streams as, for feeding decoders directly.
 *
 * @example readSSE(new Response(encodeScenarioText('gemini', scenario)));
 */
export function encodeScenarioText(
  provider: ProviderName,
  scenario: MockScenario,
  options: EncodeOptions = {},
): string {
  const { lineEnding } = providerWires[provider];
  return encodeScenario(provider, scenario, options)
    .map((event) => formatEvent(event, lineEnding))
    .join('');
}

/**
 * The `Message` that decoding the scenario's stream must give. With `terminate: false` it is the
 * `interrupted` message (what arrived is kept; the decoder adds an `error` of kind `interrupted`).
 *
 * @example
 * const message = await accumulate(decodeProvider('anthropic', readSSE(response)));
 * expect(message).toMatchObject(expectedMessage('anthropic', scenario));
 */
export function expectedMessage(provider: ProviderName, scenario: MockScenario, options: EncodeOptions = {}): Message {
  const wire = providerWires[provider];
  const done = wire.expected(resolveScenario(provider, scenario, options.requestModel));
  if (options.terminate ?? true) return done;
  const { finishReason: _finish, rawFinishReason: _raw, usage: _usage, ...rest } = done;
  return { ...rest, ...wire.unterminated(done), status: 'interrupted' };
}
