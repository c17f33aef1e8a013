import type { Message, ProviderName } from '@rill/core';
import type { MockScenario, MockUsage } from '../scenario/types.js';

/** One SSE event before ids and framing are added. `token` marks events that carry model output (for TTFT). */
export interface WireEvent {
  event?: string;
  data: string;
  token: boolean;
}

/** A scenario with every default filled in, ready to encode. */
export interface ResolvedScenario extends MockScenario {
  id: string;
  model: string;
  finishReason: NonNullable<MockScenario['finishReason']>;
  usage: MockUsage;
}

/** One provider's wire format: how a scenario is written, and what decoding it must give back. */
export interface ProviderWire {
  provider: ProviderName;
  /** Gemini frames events with CRLF. */
  lineEnding: '\n' | '\r\n';
  defaultId: string;
  defaultModel: string;
  /** The scenario's events; without `terminate` the provider's terminator is left out. */
  encode(scenario: ResolvedScenario, terminate: boolean): WireEvent[];
  /** The message decoding the whole stream gives (status `done`). */
  expected(scenario: ResolvedScenario): Message;
  /** What a stream cut just before its terminator still carries (finish and usage live there for some providers). */
  unterminated(expected: Message): Pick<Message, 'finishReason' | 'rawFinishReason' | 'usage'>;
}
