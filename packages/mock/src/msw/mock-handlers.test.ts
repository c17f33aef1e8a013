import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { builtinScenarios, createMockProvider, expectedMessage } from '../index.js';
import { createMockHandlers } from './index.js';
import { decodeStream, instant, providers, requestModels } from '../../test/round-trip.js';
import { faultCases } from '../../test/fault-cases.js';

const BASE = 'https://api.mock.test';
const mock = createMockProvider({ timing: instant });
const server = setupServer(...createMockHandlers(mock, { baseUrl: BASE }));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => mock.reset());
afterAll(() => server.close());

describe('MSW handlers (setupServer) × every provider × every fault, read with streamSSE', () => {
  for (const provider of providers) {
    for (const { fault, scenario, check } of faultCases) {
      it(`${provider} / ${scenario} / ${fault || 'no fault'}`, async () => {
        const message = await decodeStream(provider, BASE, { 'x-rill-mock-scenario': scenario, ...(fault && { 'x-rill-mock-fault': fault }) }, { idleTimeoutMs: 100 });
        check(message, provider, scenario);
      });
    }
  }
});

describe('createMockHandlers', () => {
  it('answers on any origin by default, real providers’ included', async () => {
    const anywhere = setupServer(...createMockHandlers({ timing: instant, scenario: 'text' }));
    server.close();
    anywhere.listen({ onUnhandledRequest: 'error' });
    try {
      const message = await decodeStream('anthropic', 'https://api.anthropic.com');
      expect(message).toEqual(expectedMessage('anthropic', builtinScenarios.text, { requestModel: requestModels.anthropic }));
    } finally {
      anywhere.close();
      server.listen({ onUnhandledRequest: 'error' });
    }
  });
});
