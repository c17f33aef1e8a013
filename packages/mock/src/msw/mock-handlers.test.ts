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
        const message = await decodeStream(
          provider,
          BASE,
          { 'x-rill-mock-scenario': scenario, ...(fault && { 'x-rill-mock-fault': fault }) },
          { idleTimeoutMs: 100 },
        );
        check(message, provider, scenario);
      });
    }
  }
});

describe('createMockHandlers', () => {
  // Another set of handlers in place of the shared ones for the length of `run`; an unhandled request is an error.
  async function withHandlers(
    handlers: ReturnType<typeof createMockHandlers>,
    run: () => Promise<void>,
  ): Promise<void> {
    const other = setupServer(...handlers);
    server.close();
    other.listen({ onUnhandledRequest: 'error' });
    try {
      await run();
    } finally {
      other.close();
      server.listen({ onUnhandledRequest: 'error' });
    }
  }

  it('answers on any origin by default, real providers’ included', async () => {
    await withHandlers(createMockHandlers({ timing: instant, scenario: 'text' }), async () => {
      const message = await decodeStream('anthropic', 'https://api.anthropic.com');
      expect(message).toEqual(
        expectedMessage('anthropic', builtinScenarios.text, { requestModel: requestModels.anthropic }),
      );
    });
  });

  it.each(providers)(
    'serves %s under a path prefix on the origin it is given, as an app mounts its relay',
    async (provider) => {
      await withHandlers(
        createMockHandlers({ timing: instant, scenario: 'text' }, { baseUrl: 'https://app.test/' }),
        async () => {
          for (const prefix of [
            'https://app.test',
            `https://app.test/api/${provider}`,
            'https://app.test/api/relay/v2',
          ]) {
            const message = await decodeStream(provider, prefix);
            expect(message).toEqual(
              expectedMessage(provider, builtinScenarios.text, { requestModel: requestModels[provider] }),
            );
          }
        },
      );
    },
  );

  it('serves any prefix on any origin by default, and nothing on another origin than the one given', async () => {
    await withHandlers(createMockHandlers({ timing: instant, scenario: 'text' }), async () => {
      expect(await decodeStream('gemini', 'http://localhost:5173/api/gemini')).toMatchObject({ status: 'done' });
    });
    await withHandlers(
      createMockHandlers({ timing: instant, scenario: 'text' }, { baseUrl: 'https://app.test/api' }),
      async () => {
        expect(await decodeStream('openai-chat', 'https://app.test/api/openai')).toMatchObject({ status: 'done' });
        // Unhandled (MSW errors the request): another origin, or a path outside the prefix.
        for (const elsewhere of ['https://other.test/api', 'https://app.test/other']) {
          expect(await decodeStream('openai-chat', elsewhere, {}, { retry: { maxAttempts: 1 } })).toMatchObject({
            status: 'error',
            error: { kind: 'network' },
          });
        }
      },
    );
  });
});
