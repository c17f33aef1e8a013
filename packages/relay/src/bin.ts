#!/usr/bin/env node
import { parseArgs } from 'node:util';
import type { ProviderName } from '@rill/core';
import { createMemoryEventLog } from './log/memory-event-log.js';
import { serveRelay } from './node/serve-relay.js';
import { createRelay } from './relay/create-relay.js';
import { KEY_VARIABLES } from './relay/upstream.js';
import { createRedisEventLog } from './redis/redis-event-log.js';

const USAGE = `rill-relay: a relay in front of an LLM provider; the key stays on the server, runs survive drops.

Usage: rill-relay --provider <anthropic|openai-chat|openai-responses|gemini> --upstream <base URL>
                  [--port 8788] [--host 127.0.0.1] [--redis <url>] [--allow-anonymous]
                  [--forward-headers name,name]

  The key comes from ANTHROPIC_API_KEY, OPENAI_API_KEY or GEMINI_API_KEY.
  --upstream         the provider's base URL, e.g. https://api.anthropic.com (its path is added)
  --redis            keep runs on Redis Streams (several instances); default: in memory
  --allow-anonymous  serve without authorization (local use, demos): a run id alone follows or stops a run
  --forward-headers  client request headers passed upstream (e.g. x-rill-mock-scenario)`;

const PROVIDERS = Object.keys(KEY_VARIABLES) as ProviderName[];

function fail(message: string, code: number): never {
  process.stderr.write(`rill-relay: ${message}\n`);
  process.exit(code);
}

const isProvider = (value: string | undefined): value is ProviderName => PROVIDERS.includes(value as ProviderName);

function parse(): ReturnType<typeof parseOptions> {
  try {
    return parseOptions();
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`, 2);
  }
}

function parseOptions() {
  // `pnpm run serve -- --port 8788` passes the `--` through; it is not an end-of-options marker here.
  const args = process.argv.slice(2).filter((arg, index) => !(index === 0 && arg === '--'));
  return parseArgs({
    args,
    options: {
      provider: { type: 'string' },
      upstream: { type: 'string' },
      port: { type: 'string', default: '8788' },
      host: { type: 'string', default: '127.0.0.1' },
      redis: { type: 'string' },
      'allow-anonymous': { type: 'boolean', default: false },
      'forward-headers': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
}

const values = parse();
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const { provider, upstream } = values;
if (!isProvider(provider)) fail(`--provider must be one of ${PROVIDERS.join(', ')}\n\n${USAGE}`, 2);
if (upstream === undefined || !URL.canParse(upstream))
  fail(`--upstream must be a base URL such as https://api.anthropic.com\n\n${USAGE}`, 2);
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be a port number, not ${values.port}`, 2);
if (!process.env[KEY_VARIABLES[provider]]) fail(`no API key: set ${KEY_VARIABLES[provider]} for ${provider}`, 1);
if (!values['allow-anonymous']) {
  fail(
    'the command line has no way to authorize requests: pass --allow-anonymous for local use, or serve createRelay({ authorize }) from your own server',
    2,
  );
}

const report = (error: Error): void => void process.stderr.write(`rill-relay: ${error.message}\n`);
const log =
  values.redis === undefined
    ? createMemoryEventLog()
    : await createRedisEventLog({ url: values.redis, onError: report }).catch((error: unknown) =>
        fail(error instanceof Error ? error.message : String(error), 1),
      );
const relay = createRelay({
  provider,
  upstream,
  allowAnonymous: true,
  log,
  forwardHeaders:
    values['forward-headers']
      ?.split(',')
      .map((name) => name.trim())
      .filter(Boolean) ?? [],
  onError: (error, runId) => report(new Error(`${runId}: ${error.message}`)),
});
const server = await serveRelay(relay, { port, host: values.host }).catch((error: unknown) =>
  fail(`cannot listen on ${values.host}:${port}: ${error instanceof Error ? error.message : String(error)}`, 1),
);
process.stdout.write(`rill-relay listening on ${server.url}
  ${provider} -> ${upstream}, runs ${values.redis === undefined ? 'in memory' : 'on Redis'}
  resume: GET ${server.url}/rill/runs/RUN_ID (Last-Event-ID), stop: POST ${server.url}/rill/runs/RUN_ID/stop
`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
