// @rill/relay and @rill/mock depend on @rill/core: reached by path in tests only, as devDependencies they would make the workspace graph cyclic.
import { createMemoryEventLog, createRelay, type MemoryEventLogOptions } from '../../relay/src/index.js';
import { serveRelay, type RelayServer } from '../../relay/src/node/index.js';
import { expectedMessage, type MockScenario } from '../../mock/src/index.js';
import { startMockServer, type MockServer } from '../../mock/src/node/index.js';
import type { Message } from '../src/message/types.js';

export const MODEL = 'claude-test';
/** The answer the mock upstream writes: 60 tokens, one every `tokenDelayMs`. */
export const SCENARIO: MockScenario = {
  parts: [{ type: 'text', text: Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ') }],
  usage: { inputTokens: 9, outputTokens: 60 },
};
/** The message an unbroken run of {@link SCENARIO} decodes to. */
export const WHOLE: Message = expectedMessage('anthropic', SCENARIO, { requestModel: MODEL });
/** Who owns the runs: the relay names the principal from this header, so only requests that carry it may stop or resume a run. */
export const AUTH = { authorization: 'Bearer alice' };

/** The real relay on loopback in front of the mock Node server (no event ids upstream, like the real APIs). */
export interface RelayStack {
  /** The relay's Anthropic endpoint. */
  url: string;
  /** `METHOD /path` of every request the relay received, in order. */
  requests: string[];
  /** The stop requests among them. */
  stops(): string[];
  mock: MockServer;
  relay: RelayServer;
  close(): Promise<void>;
}

/**
 * Starts the mock upstream and a relay in front of it that serves Anthropic's path for the owner of {@link AUTH}.
 *
 * @example const stack = await startRelayStack({ tokenDelayMs: 10 });
 */
export async function startRelayStack(
  options: { tokenDelayMs?: number; log?: MemoryEventLogOptions } = {},
): Promise<RelayStack> {
  const mock = await startMockServer({
    port: 0,
    eventIds: false,
    scenario: SCENARIO,
    timing: { ttftMs: 0, tokenDelayMs: options.tokenDelayMs ?? 10, jitterMs: 0 },
  });
  const relay = createRelay({
    provider: 'anthropic',
    upstream: mock.url,
    apiKey: 'sk-test-key',
    authorize: (request) => (request.headers.get('authorization') === AUTH.authorization ? 'alice' : undefined),
    log: createMemoryEventLog(options.log),
  });
  const requests: string[] = [];
  const server = await serveRelay(
    {
      handle: (request) => {
        requests.push(`${request.method} ${new URL(request.url).pathname}`);
        return relay.handle(request);
      },
      close: () => relay.close(),
    },
    { port: 0 },
  );
  return {
    url: `${server.url}/v1/messages`,
    requests,
    stops: () => requests.filter((r) => /^POST .*\/stop$/.test(r)),
    mock,
    relay: server,
    close: async () => {
      await server.close();
      await mock.close();
    },
  };
}

/**
 * How a run ended, as a follower that reads it to its `rill-end` sees it.
 *
 * @example expect(await runEnd(resumeUrl)).toEqual({ status: 'aborted' });
 */
export async function runEnd(resumeUrl: string): Promise<unknown> {
  const text = await (await fetch(resumeUrl, { headers: AUTH })).text();
  const data = /event: rill-end\ndata: (.*)\n/.exec(text)?.[1];
  return data === undefined ? undefined : JSON.parse(data);
}

/** A `localStorage` stand-in whose content can be copied, as a page that dies keeps what it last saved. */
export class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  copy(): MemoryStorage {
    const copy = new MemoryStorage();
    for (const [key, value] of this.items) copy.setItem(key, value);
    return copy;
  }
}
