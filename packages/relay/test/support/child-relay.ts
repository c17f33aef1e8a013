import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A relay running in a child process (relay-process.ts), killable mid-run. */
export interface ChildRelay {
  url: string;
  /** SIGKILL: no shutdown, no rill-end, no more lease renewals. */
  kill(): Promise<void>;
}

const script = fileURLToPath(new URL('relay-process.ts', import.meta.url));

/**
 * Starts a relay on Redis in a child process and resolves once it prints its URL.
 *
 * @example const a = await startChildRelay({ upstream: mock.url, redisUrl, prefix, leaseMs: 500, apiKey });
 */
export function startChildRelay(config: {
  upstream: string;
  redisUrl: string;
  prefix: string;
  leaseMs: number;
  apiKey: string;
}): Promise<ChildRelay> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=rill-source', '--import', 'tsx', script, JSON.stringify(config)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`the child relay did not start within 20 s: ${err}`)), 20_000);
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /^(http:\/\/\S+)\n/.exec(out);
      if (line?.[1] === undefined) return;
      clearTimeout(timer);
      resolve({
        url: line[1],
        kill: async () => {
          child.kill('SIGKILL');
          await exited;
        },
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the child relay exited with ${code}: ${err}`));
    });
  });
}
