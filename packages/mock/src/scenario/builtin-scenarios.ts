import { providerScenarios } from './provider-scenarios.js';
import type { MockScenario } from './types.js';

const LOREM =
  'Streaming interfaces feel fast when the first words arrive early and the rest keep flowing at a steady pace. ' +
  'Each token is rendered as it lands, partial structures fill in field by field, and a dropped connection resumes where it stopped. ';

/** Repeated to about 40 KB: enough tokens to measure frame coalescing and throughput. */
const LONG_TEXT_REPEATS = 160;

/**
 * The named scenarios a request can pick with the `x-rill-mock-scenario` header.
 *
 * @example createMockProvider({ scenario: builtinScenarios['tool-call'] });
 */
export const builtinScenarios = {
  text: {
    name: 'text',
    parts: [{ type: 'text', text: 'Hello! This is Rill’s mock provider, streaming one small piece at a time.' }],
  },
  reasoning: {
    name: 'reasoning',
    parts: [
      {
        type: 'reasoning',
        text: 'The user asks for 17 × 23. 17 × 20 = 340 and 17 × 3 = 51, so the total is 391.',
        signature: 'RXFRQkNnSVlBaElNMWdiY0RhOUdKd1pBMmIzaA==',
      },
      { type: 'text', text: '17 × 23 = 391.' },
    ],
    usage: { inputTokens: 52, outputTokens: 88, cachedInputTokens: 12, reasoningTokens: 60 },
  },
  'tool-call': {
    name: 'tool-call',
    parts: [
      { type: 'text', text: 'Let me check the weather.' },
      {
        type: 'tool-call',
        toolCallId: 'call_weather_1',
        toolName: 'get_weather',
        input: { location: 'New York', unit: 'celsius' },
      },
    ],
  },
  'parallel-tool-calls': {
    name: 'parallel-tool-calls',
    parts: [
      { type: 'tool-call', toolCallId: 'call_weather_1', toolName: 'get_weather', input: { location: 'Paris' } },
      {
        type: 'tool-call',
        toolCallId: 'call_time_2',
        toolName: 'get_time',
        input: { timezone: 'Europe/Paris', format: { hours: 24, seconds: false } },
      },
    ],
  },
  'long-text': {
    name: 'long-text',
    parts: [{ type: 'text', text: LOREM.repeat(LONG_TEXT_REPEATS).trimEnd() }],
  },
  ...providerScenarios,
} satisfies Record<string, MockScenario>;

export type BuiltinScenarioName = keyof typeof builtinScenarios;

/**
 * A text scenario that answers with the user's own words, so a demo's reply visibly belongs to its prompt.
 *
 * @example echoScenario('hi').parts; // [{ type: 'text', text: 'You said: “hi”. …' }]
 */
export function echoScenario(userText: string | undefined): MockScenario {
  const said =
    userText === undefined || userText.trim() === ''
      ? 'You sent no text, so here is a short reply instead.'
      : `You said: “${userText.trim()}”.`;
  return {
    name: 'echo',
    parts: [{ type: 'text', text: `${said} This answer comes from Rill’s mock provider, a few words at a time.` }],
  };
}
