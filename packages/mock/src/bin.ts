#!/usr/bin/env node
/// <reference types="node" />
// Node-only file: the rest of @rill/mock is platform-neutral (web streams and fetch types only).
import { parseArgs } from 'node:util';
import { builtinScenarios } from './scenario/builtin-scenarios.js';
import type { MockTiming } from './scenario/types.js';
import { startMockServer, STATS_PATH } from './node/mock-server.js';

const USAGE = `rill-mock: a mock LLM provider (Anthropic, OpenAI Chat, OpenAI Responses, Gemini) on loopback HTTP.

Usage: rill-mock [--port 8787] [--host 127.0.0.1] [--scenario NAME] [--fault SPEC]
                 [--ttft MS] [--delay MS] [--jitter MS] [--batch N] [--no-ids]

  --scenario  ${Object.keys(builtinScenarios).join(' | ')} (default: echo the last user message)
  --fault     e.g. drop-after=5, stall=3000;after=4;heartbeat=500, malformed, no-terminator,
              buffer=500, 429;retry-after=2, 500, 503, html, html=502 (add ;times=N|always)
  --no-ids    send no id: lines, like the real APIs (an upstream for @rill/relay)
Per request: headers x-rill-mock-scenario, x-rill-mock-fault, x-rill-mock-timing, Last-Event-ID.
Each generation a client cancels (leaves before its end) is logged on stderr; GET /rill-mock/stats counts them.`;

// `pnpm run serve -- --port 8787` passes the `--` through; it is not an end-of-options marker here.
const args = process.argv.slice(2).filter((arg, index) => !(index === 0 && arg === '--'));

const { values } = parseArgs({
  args,
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    scenario: { type: 'string' },
    fault: { type: 'string' },
    ttft: { type: 'string' },
    delay: { type: 'string' },
    jitter: { type: 'string' },
    batch: { type: 'string' },
    'no-ids': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(USAGE);
} else {
  const timing: MockTiming = {
    ...(values.ttft !== undefined && { ttftMs: Number(values.ttft) }),
    ...(values.delay !== undefined && { tokenDelayMs: Number(values.delay) }),
    ...(values.jitter !== undefined && { jitterMs: Number(values.jitter) }),
    ...(values.batch !== undefined && { batchSize: Number(values.batch) }),
  };
  const server = await startMockServer({
    port: Number(values.port),
    host: values.host,
    timing,
    eventIds: !values['no-ids'],
    ...(values.scenario !== undefined && { scenario: values.scenario }),
    ...(values.fault !== undefined && { fault: values.fault }),
    // A stream the client left before its end is a generation cancelled upstream: say so, as a provider's logs would.
    onCancel: (path) =>
      process.stderr.write(
        `rill-mock: generation cancelled: the client left POST ${path} before its end (${server.stats().cancelled} cancelled so far)\n`,
      ),
  });
  console.log(`rill-mock listening on ${server.url}
  POST ${server.url}/v1/messages                     (Anthropic)
  POST ${server.url}/v1/chat/completions             (OpenAI Chat)
  POST ${server.url}/v1/responses                    (OpenAI Responses)
  POST ${server.url}/v1beta/models/MODEL:streamGenerateContent?alt=sse   (Gemini)
  GET  ${server.url}${STATS_PATH}                  (streams started, completed, cancelled, dropped)
Try: curl -N ${server.url}/v1/messages -H 'content-type: application/json' \\
       -d '{"model":"claude-sonnet-4-6","max_tokens":256,"stream":true,"messages":[{"role":"user","content":"Hello"}]}'`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void server.close().then(() => process.exit(0));
    });
  }
}
