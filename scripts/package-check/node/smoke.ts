// Runs the installed tarballs in Node: every JS entry point loads, and a turn goes
// mock -> relay -> core (and MSW -> core) to the message the mock says it must decode to.
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { setupServer } from 'msw/node';
import { accumulate, decodeProvider, messageText, streamSSE, type ProviderName } from '@rill/core';
import { createSSEDecoder } from '@rill/core/sse';
import { createIncrementalParser } from '@rill/json';
import { createPartialJsonParser } from '@rill/json/partial-json';
import { loadTreeSitterBackend } from '@rill/json/tree-sitter';
import { useChat } from '@rill/react';
import { useStreamQuery } from '@rill/react/query';
import { MessageView } from '@rill/ui';
import { builtinScenarios, expectedMessage } from '@rill/mock';
import { createMockHandlers } from '@rill/mock/msw';
import { startMockServer } from '@rill/mock/node';
import { createRelay } from '@rill/relay';
import { serveRelay } from '@rill/relay/node';
import { createRedisEventLog } from '@rill/relay/redis';

const timing = { ttftMs: 0, tokenDelayMs: 0, jitterMs: 0 };
const request = {
  model: 'claude-sonnet-4-6',
  max_tokens: 256,
  stream: true,
  messages: [{ role: 'user', content: 'Hello' }],
};

for (const hook of [useChat, useStreamQuery, createRedisEventLog]) assert.equal(typeof hook, 'function');

const events: string[] = [];
const decoder = createSSEDecoder({ onEvent: (event) => events.push(event.data) });
decoder.push('data: one\n\ndata: two\n\n');
decoder.end();
assert.deepEqual(events, ['one', 'two']);

for (const factory of [createIncrementalParser, createPartialJsonParser, await loadTreeSitterBackend()]) {
  const parser = factory();
  parser.push('{"items":[{"id":1},');
  assert.deepEqual(parser.value(), { items: [{ id: 1 }] });
}

async function turn(provider: ProviderName, url: string, body: unknown): Promise<string> {
  const parts = decodeProvider(
    provider,
    streamSSE(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  );
  const message = await accumulate(parts);
  assert.equal(message.status, 'done');
  return messageText(message);
}

const mock = await startMockServer({ eventIds: false, scenario: 'text', timing });
const relay = createRelay({
  provider: 'anthropic',
  upstream: mock.url,
  apiKey: 'unused-by-the-mock',
  allowAnonymous: true,
});
const server = await serveRelay(relay, { port: 0 });
try {
  const text = await turn('anthropic', `${server.url}/v1/messages`, request);
  assert.equal(text, messageText(expectedMessage('anthropic', builtinScenarios.text)));
  const html = renderToString(
    createElement(MessageView, { message: expectedMessage('anthropic', builtinScenarios.text) }),
  );
  assert.ok(html.includes(text.slice(0, 20)), 'MessageView renders the message on the server');
} finally {
  await server.close();
  await mock.close();
}

const msw = setupServer(...createMockHandlers({ scenario: 'text', timing }));
msw.listen({ onUnhandledRequest: 'error' });
try {
  const text = await turn('openai-chat', 'https://api.openai.com/v1/chat/completions', {
    ...request,
    model: 'gpt-5-mini',
  });
  assert.equal(text, messageText(expectedMessage('openai-chat', builtinScenarios.text)));
} finally {
  msw.close();
}
console.log('node smoke: every entry point loads; mock -> relay -> core and MSW -> core decode the expected text');
