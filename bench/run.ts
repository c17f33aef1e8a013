// `pnpm bench [name…]`: runs bench/<name>/bench.ts for every name given, or for every folder.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const all = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(here, d.name, 'bench.ts')))
  .map((d) => d.name)
  .sort();
const asked = process.argv.slice(2).filter((a) => a !== '--');
const unknown = asked.filter((name) => !all.includes(name));
if (unknown.length) {
  console.error(`No bench named ${unknown.join(', ')}; there are: ${all.join(', ')}`);
  process.exit(1);
}

const cpu = cpus();
console.log(
  `node ${process.version}, ${cpu[0]?.model ?? 'unknown cpu'} x${cpu.length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${process.platform}/${process.arch}`,
);
let failed = false;
for (const name of asked.length ? asked : all) {
  console.log(`\n== ${name} ==`);
  // A fresh process per bench: no JIT state carried over, workspace packages resolve to their sources, and gc() is there to measure retained heap.
  const { status } = spawnSync(
    process.execPath,
    ['--expose-gc', '--conditions=rill-source', '--import', 'tsx', join(here, name, 'bench.ts')],
    { stdio: 'inherit' },
  );
  failed ||= status !== 0;
}
process.exit(failed ? 1 : 0);
