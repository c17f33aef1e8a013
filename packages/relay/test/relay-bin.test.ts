import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '@rill/mock/node';
import { redisUrl } from './support/redis-log.js';
import { announced, endOf, providerCall, providerEvents, readEvents, resume, TEST_KEY } from './support/relay-stack.js';

const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
const children: ChildProcess[] = [];
const mocks: MockServer[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await Promise.all(mocks.splice(0).map((mock) => mock.close()));
});

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function launch(
  args: string[],
  env: Record<string, string | undefined>,
): { child: ChildProcess; output: { stdout: string; stderr: string }; exited: Promise<Ran> } {
  const child = spawn(process.execPath, ['--conditions=rill-source', '--import', 'tsx', bin, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ANTHROPIC_API_KEY: undefined, ...env },
  });
  children.push(child);
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<Ran>((resolve) => child.once('exit', (code) => resolve({ code, ...output })));
  return { child, output, exited };
}

/** Starts the bin and resolves with the URL it prints once it listens. */
async function listening(
  args: string[],
): Promise<{ url: string; child: ChildProcess; exited: Promise<Ran>; output: { stdout: string; stderr: string } }> {
  const started = launch(args, { ANTHROPIC_API_KEY: TEST_KEY });
  const url = await new Promise<string>((resolve, reject) => {
    started.child.stdout?.on('data', () => {
      const found = /^rill-relay listening on (http:\/\/\S+)$/m.exec(started.output.stdout)?.[1];
      if (found !== undefined) resolve(found);
    });
    void started.exited.then((ran) => reject(new Error(`rill-relay exited with ${ran.code}: ${ran.stderr}`)));
  });
  return { url, ...started };
}

async function mock(): Promise<MockServer> {
  const server = await startMockServer({
    port: 0,
    eventIds: false,
    timing: { ttftMs: 0, tokenDelayMs: 2, jitterMs: 0 },
  });
  mocks.push(server);
  return server;
}

describe('the rill-relay bin', () => {
  it('exits 1 with a clear message when the key is missing', async () => {
    const ran = await launch(
      ['--provider', 'gemini', '--upstream', 'http://127.0.0.1:9', '--allow-anonymous', '--port', '0'],
      {},
    ).exited;
    expect(ran).toEqual({ code: 1, stdout: '', stderr: 'rill-relay: no API key: set GEMINI_API_KEY for gemini\n' });
  }, 30_000);

  it('exits 2 on a bad provider, a missing upstream, or without --allow-anonymous (no open proxy)', async () => {
    const [provider, upstream, anonymous] = await Promise.all([
      launch(['--provider', 'cohere', '--upstream', 'http://x'], { ANTHROPIC_API_KEY: TEST_KEY }).exited,
      launch(['--provider', 'anthropic'], { ANTHROPIC_API_KEY: TEST_KEY }).exited,
      launch(['--provider', 'anthropic', '--upstream', 'http://127.0.0.1:9', '--port', '0'], {
        ANTHROPIC_API_KEY: TEST_KEY,
      }).exited,
    ]);
    expect(provider.code).toBe(2);
    expect(provider.stderr).toMatch(
      /^rill-relay: --provider must be one of anthropic, openai-chat, openai-responses, gemini\n/,
    );
    expect(upstream.code).toBe(2);
    expect(upstream.stderr).toMatch(/^rill-relay: --upstream must be a base URL/);
    expect(anonymous).toMatchObject({ code: 2, stdout: '' });
    expect(anonymous.stderr).toContain('pass --allow-anonymous for local use, or serve createRelay({ authorize })');
  }, 30_000);

  it('exits 1 naming only the host when Redis cannot be reached', async () => {
    const ran = await launch(
      [
        '--provider',
        'anthropic',
        '--upstream',
        'http://127.0.0.1:9',
        '--allow-anonymous',
        '--port',
        '0',
        '--redis',
        'redis://:hunter2@127.0.0.1:9',
      ],
      { ANTHROPIC_API_KEY: TEST_KEY },
    ).exited;
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/^rill-relay: @rill\/relay: cannot reach Redis at 127\.0\.0\.1:9: /);
    expect(ran.stderr).not.toContain('hunter2');
  }, 30_000);

  for (const store of ['memory', 'redis'] as const) {
    it(`prints its URL once it listens and relays resumable runs (${store}); SIGTERM exits 0; the key is never printed`, async () => {
      const upstream = await mock();
      const extra = store === 'redis' ? ['--redis', redisUrl()] : [];
      const relay = await listening([
        '--provider',
        'anthropic',
        '--upstream',
        upstream.url,
        '--allow-anonymous',
        '--port',
        '0',
        ...extra,
      ]);
      const call = providerCall('anthropic');
      const first = await readEvents(await fetch(`${relay.url}${call.path}`, { method: 'POST', body: call.body }), 3);
      const run = announced(first, relay.url);
      const rest = await readEvents(await resume(run, first.at(-1)?.id));
      expect(endOf(rest)).toEqual({ status: 'done' });
      const direct = await readEvents(await fetch(`${upstream.url}${call.path}`, { method: 'POST', body: call.body }));
      expect(providerEvents([...first, ...rest.slice(1)]).map((e) => e.data)).toEqual(direct.map((e) => e.data));
      relay.child.kill('SIGTERM');
      const ran = await relay.exited;
      expect(ran.code).toBe(0);
      expect(ran.stdout + ran.stderr).not.toContain(TEST_KEY);
    }, 30_000);
  }
});
