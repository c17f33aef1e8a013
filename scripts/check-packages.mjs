#!/usr/bin/env node
// Checks the packages as a user gets them (run it after `pnpm build`): packs each publishable
// package, lints each tarball (publint; arethetypeswrong with the ESM-only profile; every exports
// target and every source a map names is in it; dist imports exactly what it declares), installs the tarballs with npm into a fresh
// Vite + React app in a temp dir outside the workspace (the app in scripts/package-check),
// type-checks it strictly, builds it with Vite and runs its Node smoke test and its Vitest tests
// (scripts/package-check/test: the READMEs' chat, jsdom + Testing Library against @rill/mock in
// msw/node, shows Approve / Deny and Retry and completes through them, renders on a server and
// hydrates with saved messages without a mismatch; a schema violation ends in error, value left out).
// Everything it writes, npm's cache included, stays in that temp dir, removed at the end
// (`--keep` leaves it for a look).
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const run = promisify(execFile);
const root = resolve(fileURLToPath(import.meta.url), '../..');
const appSource = join(root, 'scripts/package-check');
const keep = process.argv.includes('--keep');
const started = performance.now();

// The registry packages the app needs, at the versions installed in the workspace (the folder
// whose node_modules holds each): the optional peers at the versions the packages are tested with.
const registryPackages = {
  react: '.',
  'react-dom': '.',
  '@types/react': '.',
  '@types/react-dom': '.',
  '@types/node': '.',
  typescript: '.',
  vite: '.',
  '@vitejs/plugin-react': '.',
  msw: '.',
  vitest: '.',
  jsdom: '.',
  '@testing-library/react': '.',
  '@testing-library/dom': '.',
  '@testing-library/user-event': '.',
  '@tanstack/react-query': 'packages/react',
  'partial-json': 'packages/json',
  'web-tree-sitter': 'packages/json',
  'tree-sitter-json': 'packages/json',
};

function log(step) {
  console.log(`[check-packages] ${step} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

async function sh(cmd, args, cwd) {
  try {
    return (await run(cmd, args, { cwd, maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = /** @type {{ stdout?: string, stderr?: string }} */ (error);
    throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}\n${stdout}${stderr}`, { cause: error });
  }
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function publishable() {
  return readdirSync(join(root, 'packages'))
    .map((dir) => ({ dir: join(root, 'packages', dir), pkg: readJson(join(root, 'packages', dir, 'package.json')) }))
    .filter(({ pkg }) => !pkg.private);
}

async function pack(packages, into) {
  mkdirSync(into);
  for (const { dir, pkg } of packages) {
    if (!existsSync(join(dir, 'dist'))) throw new Error(`${pkg.name} has no dist/: run pnpm build first`);
  }
  await Promise.all(packages.map(({ dir }) => sh('pnpm', ['pack', '--pack-destination', into], dir)));
  return packages.map(({ pkg }) => {
    const file = `${pkg.name.replace('@', '').replace('/', '-')}-${pkg.version}.tgz`;
    return { name: pkg.name, tarball: join(into, file) };
  });
}

async function lintTarball({ name, tarball }) {
  const problems = [];
  const bytes = readFileSync(tarball);
  const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const { messages, pkg } = await publint({ pack: { tarball: data }, level: 'suggestion', strict: true });
  for (const message of messages) problems.push(`publint ${message.type}: ${formatMessage(message, pkg)}`);
  // Every package is ESM only; the CSS entry has no types to check.
  const attw = [tarball, '--profile', 'esm-only', '--format', 'ascii', '--no-definitely-typed'];
  try {
    await sh(join(root, 'node_modules/.bin/attw'), [...attw, '--exclude-entrypoints', './styles.css'], root);
  } catch (error) {
    problems.push(`attw: ${/** @type {Error} */ (error).message}`);
  }
  return problems.map((problem) => `${name}: ${problem}`);
}

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

function* exportTargets(value) {
  if (typeof value === 'string') yield value;
  else if (value !== null && typeof value === 'object') {
    for (const target of Object.values(value)) yield* exportTargets(target);
  }
}

// What publint and attw do not look at: every exports target under every condition (rill-source
// included) and every source that a source map or declaration map names must be in the tarball.
function missingFiles(app, names) {
  const missing = [];
  for (const name of names) {
    const dir = join(app, 'node_modules', name);
    for (const target of exportTargets(readJson(join(dir, 'package.json')).exports)) {
      if (!existsSync(join(dir, target))) missing.push(`${name}: exports names ${target}, which is not in the tarball`);
    }
    for (const file of filesUnder(dir)) {
      if (!file.endsWith('.map')) continue;
      const map = readJson(file);
      for (const source of map.sources) {
        const path = resolve(dirname(file), map.sourceRoot ?? '', source);
        if (existsSync(path)) continue;
        missing.push(`${name}: ${relative(dir, file)} points at ${relative(dir, path)}, which is not in the tarball`);
      }
    }
  }
  return missing;
}

const specifier = String.raw`['"]((?:@[\w.-]+/)?\w[\w.-]*(?:/[\w.@-]+)*)['"]`;
// Static imports and re-exports (tsc writes one per line), side-effect imports, import() calls and types.
const bareImport = new RegExp(
  String.raw`^(?:import|export)\b[^;'"]*?\bfrom\s*${specifier}|^import\s*${specifier}|\bimport\(\s*${specifier}\s*\)`,
  'gm',
);

// npm's flat node_modules hides an import of a package that is not declared (it is there through
// another one); pnpm and Yarn PnP users would fail. A dependency nothing imports is dead weight.
function undeclaredImports(app, names) {
  const problems = [];
  for (const name of names) {
    const dir = join(app, 'node_modules', name);
    const { dependencies = {}, peerDependencies = {} } = readJson(join(dir, 'package.json'));
    const imported = new Set();
    for (const file of filesUnder(join(dir, 'dist'))) {
      if (!/\.(js|d\.ts)$/.test(file)) continue;
      for (const match of readFileSync(file, 'utf8').matchAll(bareImport)) {
        const path = match.slice(1).find((group) => group !== undefined) ?? '';
        imported.add(
          path
            .split('/')
            .slice(0, path.startsWith('@') ? 2 : 1)
            .join('/'),
        );
      }
    }
    for (const dependency of imported) {
      if (!(dependency in dependencies) && !(dependency in peerDependencies)) {
        problems.push(`${name}: dist imports ${dependency}, which it does not declare`);
      }
    }
    // A dependency may be there for another one's peer (hono for @hono/node-server).
    const peersOfDependencies = Object.keys(dependencies).flatMap((dependency) =>
      Object.keys(readJson(join(app, 'node_modules', dependency, 'package.json')).peerDependencies ?? {}),
    );
    for (const dependency of Object.keys(dependencies)) {
      if (imported.has(dependency) || peersOfDependencies.includes(dependency)) continue;
      problems.push(`${name}: depends on ${dependency}, which dist never imports`);
    }
  }
  return problems;
}

async function installApp(tarballs, app) {
  cpSync(appSource, app, { recursive: true });
  const files = Object.fromEntries(tarballs.map(({ name, tarball }) => [name, `file:${tarball}`]));
  const versions = Object.fromEntries(
    Object.entries(registryPackages).map(([name, from]) => [
      name,
      readJson(join(root, from, 'node_modules', name, 'package.json')).version,
    ]),
  );
  const manifest = {
    name: 'rill-package-check',
    private: true,
    type: 'module',
    dependencies: { ...files, ...versions },
    // The packages depend on each other by version: those must be these tarballs, never the registry's.
    overrides: files,
  };
  writeFileSync(join(app, 'package.json'), JSON.stringify(manifest, null, 2));
  const cache = join(app, '..', 'npm-cache');
  const quiet = ['--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=error'];
  await sh('npm', ['install', '--cache', cache, '--ignore-scripts', ...quiet], app);
}

async function main() {
  const temp = mkdtempSync(join(tmpdir(), 'rill-packages-'));
  try {
    const tarballs = await pack(publishable(), join(temp, 'tarballs'));
    log(`packed ${tarballs.map(({ name }) => name).join(', ')}`);

    const app = join(temp, 'app');
    const [lint] = await Promise.all([Promise.all(tarballs.map(lintTarball)), installApp(tarballs, app)]);
    const names = tarballs.map(({ name }) => name);
    const problems = [...lint.flat(), ...missingFiles(app, names), ...undeclaredImports(app, names)];
    if (problems.length > 0) throw new Error(`the tarballs have packaging problems:\n${problems.join('\n')}`);
    log('publint, attw, files, dependencies: no problems; the tarballs installed into a fresh app');

    const bin = (name) => join(app, 'node_modules/.bin', name);
    await Promise.all([
      sh(bin('tsc'), ['-p', 'tsconfig.json'], app),
      sh(bin('tsc'), ['-p', 'tsconfig.node.json'], app),
    ]);
    log('tsc (strict, libraries checked too): the browser app and the Node smoke test type-check');
    await sh(bin('vite'), ['build'], app);
    log('vite build: the app builds');
    process.stdout.write(await sh(process.execPath, ['node-dist/smoke.js'], app));
    await sh(bin('vitest'), ['run'], app);
    log('vitest: approvals, Retry, server render + hydration with saved messages, schema errors as the READMEs say');
    log('all packages pass');
  } finally {
    if (keep) console.log(`[check-packages] left ${temp}`);
    else rmSync(temp, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  console.error(`[check-packages] ${/** @type {Error} */ (error).message}`);
  process.exitCode = 1;
}
