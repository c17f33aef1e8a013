// Vitest globalSetup for the relay project: one redis-server per test run, on a free loopback port,
// without persistence. When it cannot start, the Redis tests fail with the reason (they never skip).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `redis://127.0.0.1:PORT`, or '' when redis-server could not start (then `redisStartError` says why). */
    redisUrl: string;
    redisStartError: string;
  }
}

const START_TIMEOUT_MS = 10_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function started(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not get ready within ${START_TIMEOUT_MS} ms:\n${output}`)),
      START_TIMEOUT_MS,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(
        new Error(
          `redis-server could not start (${error.message}); scripts/bootstrap.mjs installs it (apt-get install redis-server)`,
        ),
      );
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with code ${code}:\n${output}`));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => void> {
  let child: ChildProcess | undefined;
  try {
    const port = await freePort();
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await started(child);
    project.provide('redisUrl', `redis://127.0.0.1:${port}`);
    project.provide('redisStartError', '');
  } catch (error) {
    child?.kill('SIGKILL');
    project.provide('redisUrl', '');
    project.provide('redisStartError', error instanceof Error ? error.message : String(error));
  }
  return () => {
    child?.kill('SIGTERM');
  };
}
