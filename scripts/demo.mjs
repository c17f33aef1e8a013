#!/usr/bin/env node
// `npm run demo`: serves the demo app through @rill/relay in front of the mock provider's Node
// server (apps/demo/README.md). Until apps/demo exists, it starts the nearest runnable thing and says so.
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';

function start(cmd, args) {
  const child = spawn(cmd, args, { stdio: 'inherit', env: process.env });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

if (existsSync('apps/demo/package.json')) {
  start('pnpm', ['--filter', '@rill/demo', 'run', 'demo']);
} else if (existsSync('packages/mock/src/bin.ts')) {
  console.log('[demo] apps/demo does not exist yet: starting the mock provider (rill-mock) instead.');
  start('pnpm', ['--filter', '@rill/mock', 'run', 'serve']);
} else {
  console.log('[demo] nothing runnable exists yet: neither apps/demo nor the mock provider.');
}
