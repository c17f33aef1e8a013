import type { Message, ProviderName } from '@rill/core';
import { expect } from 'vitest';
import { builtinScenarios, expectedMessage, type BuiltinScenarioName } from '../src/index.js';
import { requestModels } from './round-trip.js';

/** One fault (header syntax), the scenario it runs on, and what the client must end with. */
export interface FaultCase {
  fault: string;
  scenario: BuiltinScenarioName;
  check(actual: Message, provider: ProviderName, scenario: BuiltinScenarioName): void;
}

const clean = (provider: ProviderName, scenario: BuiltinScenarioName, terminate = true): Message =>
  expectedMessage(provider, builtinScenarios[scenario], { requestModel: requestModels[provider], terminate });

const recovers: FaultCase['check'] = (actual, provider, scenario) => {
  expect(actual).toEqual(clean(provider, scenario));
};

/** Every fault. Once-only faults are retried or resumed (Last-Event-ID) by streamSSE into the clean message. */
export const faultCases: FaultCase[] = [
  { fault: '', scenario: 'tool-call', check: recovers },
  { fault: 'drop-after=4', scenario: 'reasoning', check: recovers },
  { fault: 'drop-after=1', scenario: 'parallel-tool-calls', check: recovers },
  { fault: 'stall=400;after=3', scenario: 'text', check: recovers },
  { fault: 'stall=150;after=3;heartbeat=40', scenario: 'text', check: recovers },
  { fault: '429;retry-after=0', scenario: 'reasoning', check: recovers },
  { fault: '500', scenario: 'tool-call', check: recovers },
  { fault: '503', scenario: 'text', check: recovers },
  { fault: 'html=502', scenario: 'text', check: recovers },
  { fault: 'buffer=20', scenario: 'reasoning', check: recovers },
  {
    fault: 'no-terminator',
    scenario: 'reasoning',
    check: (actual, provider, scenario) => {
      expect(actual).toMatchObject(clean(provider, scenario, false));
      expect(actual.error?.kind).toBe('interrupted');
    },
  },
  {
    fault: 'malformed;after=6',
    scenario: 'text',
    check: (actual, provider, scenario) => {
      expect(actual).toMatchObject({ status: 'error', error: { kind: 'malformed-event', retryable: false } });
      // What arrived before the bad line is kept: a non-empty prefix of the clean text.
      const text = actual.parts[0]?.type === 'text' ? actual.parts[0].text : '';
      const full = clean(provider, scenario).parts[0];
      expect(text).not.toBe('');
      expect(full?.type === 'text' && full.text.startsWith(text)).toBe(true);
    },
  },
  {
    fault: 'html',
    scenario: 'text',
    check: (actual) => {
      expect(actual).toMatchObject({ status: 'error', parts: [], error: { kind: 'content-type', retryable: false } });
    },
  },
  {
    fault: '429;retry-after=0;times=always',
    scenario: 'text',
    check: (actual) => {
      expect(actual).toMatchObject({
        status: 'error',
        parts: [],
        error: { kind: 'http', status: 429, retryable: true },
      });
    },
  },
];
