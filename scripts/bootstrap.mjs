#!/usr/bin/env node
// Makes a machine with only Node and npm ready: pnpm, the workspace's dependencies,
// with --browser Debian's Chromium (Playwright never downloads its own browser here), and
// with --redis Debian's redis-server (the relay's tests start their own on a free port).
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PNPM_VERSION = '12.21.0';
const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', STORYBOOK_DISABLE_TELEMETRY: '1' };

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function run(cmd) {
  console.log(`[bootstrap] ${cmd}`);
  execSync(cmd, { stdio: 'inherit', env });
}

function ensurePnpm() {
  if (has('pnpm')) return;
  try {
    run(`npm install --global pnpm@${PNPM_VERSION}`);
  } catch {
    // corepack works only without signature checks: the registry's metadata carries none.
    run(`COREPACK_INTEGRITY_KEYS=0 corepack enable pnpm`);
  }
  if (!has('pnpm')) throw new Error('[bootstrap] could not install pnpm with npm or corepack');
}

export function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  run(`${sudo}apt-get update`);
  run(`${sudo}apt-get install -y chromium`);
}

// Only installed, never started here: each test run starts its own without persistence.
export function ensureRedis() {
  if (has('redis-server')) return;
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  run(`${sudo}apt-get update`);
  run(`${sudo}apt-get install -y redis-server`);
}

ensurePnpm();
const frozen = process.env.CI ? ' --frozen-lockfile' : '';
run(`pnpm install${frozen} --reporter=append-only`);
if (process.argv.includes('--browser')) ensureChromium();
if (process.argv.includes('--redis')) ensureRedis();
