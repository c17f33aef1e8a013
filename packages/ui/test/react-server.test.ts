// @vitest-environment node
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const hooks = new URL('./react-server/client-boundary-hooks.mjs', import.meta.url).href;
const PACKAGES = ['core', 'json', 'mock', 'relay', 'react', 'ui'];
const DIRECTIVE = /^(['"])use client\1;/;

/** Every entry a package exports (its own name and subpaths), stylesheets and package.json left out. */
function entries(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, unknown>;
  };
  return Object.keys(manifest.exports)
    .filter((path) => path !== './package.json' && !path.endsWith('.css'))
    .map((path) => (path === '.' ? manifest.name : `${manifest.name}${path.slice(1)}`));
}

/** Imports each entry by name from inside its package with `node --conditions=react-server`, as a server component's bundle would; what each export became. */
async function importOnTheServer(dir: string): Promise<Record<string, Record<string, string>>> {
  const script = [
    `import { register } from 'node:module';`,
    `register(${JSON.stringify(hooks)});`,
    `const kinds = {};`,
    `for (const specifier of ${JSON.stringify(entries(dir))}) {`,
    `  try {`,
    `    const entry = await import(specifier);`,
    `    kinds[specifier] = Object.fromEntries(Object.entries(entry).map(([name, value]) => [name, value?.$$typeof === Symbol.for('react.client.reference') ? 'client reference' : typeof value]));`,
    `  } catch (err) { kinds[specifier] = { error: String(err) }; }`,
    `}`,
    `process.stdout.write(JSON.stringify(kinds));`,
  ].join('\n');
  const { stdout } = await run(process.execPath, ['--conditions=react-server', '--input-type=module', '-e', script], {
    cwd: join(root, 'packages', dir),
  });
  return JSON.parse(stdout) as Record<string, Record<string, string>>;
}

/** The source files of a package that start with 'use client', relative to src/. */
function clientModules(dir: string): string[] {
  const src = join(root, 'packages', dir, 'src');
  return (readdirSync(src, { recursive: true }) as string[]).filter(
    (file) => /(?<!\.test|\.stories)\.tsx?$/.test(file) && DIRECTIVE.test(readFileSync(join(src, file), 'utf8')),
  );
}

describe('every package under the react-server condition (a Next.js server component importing it)', () => {
  // The packages are imported as published: from dist, built now (nothing to do when it is current).
  beforeAll(async () => {
    await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'], {
      cwd: root,
    });
  }, 240_000);

  it.each(PACKAGES)('@rill/%s: every entry loads', async (dir) => {
    const kinds = await importOnTheServer(dir);
    for (const [specifier, exported] of Object.entries(kinds)) expect(exported, specifier).not.toHaveProperty('error');
    expect(Object.keys(kinds)).toEqual(entries(dir));
  });

  it('the hooks and components are client references; what a server can use itself is not', async () => {
    const [react, ui, core] = await Promise.all([
      importOnTheServer('react'),
      importOnTheServer('ui'),
      importOnTheServer('core'),
    ]);
    for (const hook of ['useStream', 'useChat', 'useStructuredStream', 'useSmoothText', 'useRace', 'useFanOut'])
      expect(react['@rill/react']?.[hook], hook).toBe('client reference');
    expect(react['@rill/react/query']).toMatchObject({
      useStreamQuery: 'client reference',
      streamQueryOptions: 'function',
    });
    for (const component of [
      'MessageView',
      'ToolCall',
      'Markdown',
      'Composer',
      'Conversation',
      'Interrupted',
      'StopButton',
      'StreamStatus',
    ])
      expect(ui['@rill/ui']?.[component], component).toBe('client reference');
    expect(ui['@rill/ui']).toMatchObject({ safeUrl: 'function', repairBlock: 'function' });
    expect(core['@rill/core']).toMatchObject({ createChatController: 'function', storagePersistence: 'function' });
  });

  it.each(['react', 'ui'])('@rill/%s: the built files keep the directive at their top', (dir) => {
    const modules = clientModules(dir);
    expect(modules.length).toBeGreaterThan(5);
    for (const file of modules)
      expect(readFileSync(join(root, 'packages', dir, 'dist', file.replace(/\.tsx?$/, '.js')), 'utf8'), file).toMatch(
        DIRECTIVE,
      );
  });
});
