import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

const bin = fileURLToPath(new URL('bin.ts', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
});

/** Starts the rill-mock bin on a free port and resolves with its URL; `stderr` gets what it writes there. */
function startBin(...flags: string[]): Promise<string> {
  return startBinWith(flags, () => undefined);
}

function startBinWith(flags: string[], stderr: (text: string) => void): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--conditions=rill-source', '--import', 'tsx', bin, '--port', '0', '--ttft', '0', '--delay', '0', ...flags],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  child.stderr?.on('data', (chunk: Buffer) => stderr(chunk.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url !== undefined) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`rill-mock exited with ${code}`)));
  });
}

const body = JSON.stringify({
  model: 'claude-sonnet-4-6',
  max_tokens: 64,
  stream: true,
  messages: [{ role: 'user', content: 'Hi' }],
});

describe('the rill-mock bin', () => {
  it('sends an id per event by default, and none with --no-ids (like the real APIs)', async () => {
    const [withIds, without] = await Promise.all([startBin(), startBin('--no-ids')]);
    const read = async (url: string) => (await fetch(`${url}/v1/messages`, { method: 'POST', body })).text();
    const [a, b] = await Promise.all([read(withIds), read(without)]);
    expect(a).toMatch(/^id: 1$/m);
    expect(b).toContain('event: message_stop');
    expect(b).not.toMatch(/^id:/m);
    expect(b.replace(/\r/g, '')).toBe(a.replace(/\r/g, '').replace(/^id: \d+\n/gm, ''));
  }, 30_000);

  it('reports on stderr each generation a client cancels, and counts it at /rill-mock/stats', async () => {
    let stderr = '';
    const url = await startBinWith(['--delay', '20', '--scenario', 'long-text'], (text) => (stderr += text));
    const leave = new AbortController();
    const response = await fetch(`${url}/v1/messages`, { method: 'POST', body, signal: leave.signal });
    await response.body?.getReader().read();
    leave.abort();
    await vi.waitFor(
      () =>
        expect(stderr).toContain(
          'rill-mock: generation cancelled: the client left POST /v1/messages before its end (1 cancelled so far)',
        ),
      { timeout: 5_000 },
    );
    expect(await (await fetch(`${url}/rill-mock/stats`)).json()).toEqual({
      started: 1,
      completed: 0,
      cancelled: 1,
      dropped: 0,
    });
  }, 30_000);
});
