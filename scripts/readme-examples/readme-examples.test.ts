/**
 * Every ```ts / ```tsx block of every README (the root's, packages/*, apps/*) is type-checked as an
 * app would compile it, and run in jsdom against @rill/mock (MSW, any origin, any prefix) unless
 * it says why not. The conventions, for README authors:
 * - ```ts no-run=<why> — type-checked only: `server` (needs a provider key or a port), `browser`
 *   (needs a service worker or a Vite `?url` import), `excerpt` (a piece of a larger component).
 * - ```tsx hook — the block is the body of a function component, `Example`, that its run renders
 *   (with `no-run=excerpt`: type-checked as one).
 * - `<!-- prelude: code -->` right before a block: what the block assumes (its imports and
 *   `declare`s go to the top of the module; the rest runs before the block, inside `Example` for a hook).
 * - `<!-- run: code -->` right after it: what running the block does and checks, with the
 *   harness as `docs` (`docs.render`, `docs.screen`, `docs.user`, `docs.mock.serve(options)`, `docs.expect`).
 * Hidden code is type-checked with the block, so it cannot drift either.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { exampleModule } from './example-module.js';
import { extractExamples } from './extract-examples.js';
import { startHarness } from './harness.js';
import { typecheckExamples } from './typecheck-examples.js';
import { linkWorkspaceModules } from './workspace-modules.js';

// Under jsdom, URL is jsdom's: paths are taken from the file URL as a string.
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const readmes = [
  'README.md',
  ...['packages', 'apps'].flatMap((group) =>
    readdirSync(join(root, group)).map((name) => `${group}/${name}/README.md`),
  ),
].filter((file) => existsSync(join(root, file)));
const examples = readmes.flatMap((file) => extractExamples(readFileSync(join(root, file), 'utf8'), file));

// Inside the repository (Vite does not see a directory made under /tmp after it started), in a place no tool lints or checks.
const cache = join(root, 'node_modules/.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'rill-readme-examples-'));
linkWorkspaceModules(root, dir);
const harnessPath = join(here, 'harness.ts');
// Relative: Vite reads an import that starts with "/" from its root.
const modules = examples.map((example) => ({ example, module: exampleModule(example, relative(dir, harnessPath)) }));
for (const { module } of modules) writeFileSync(join(dir, module.fileName), module.source);
const errors = typecheckExamples(
  dir,
  modules.map(({ module }) => module),
);

const harness = startHarness();
afterEach(() => harness.reset());
afterAll(() => {
  harness.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(modules.map(({ example, module }) => [`${example.file}:${example.line}`, example, module] as const))(
  '%s',
  (_where, example, module) => {
    it('type-checks', () => {
      expect(errors.get(module.fileName)).toEqual([]);
    });

    it.runIf(example.noRun === undefined)('runs against the mock', async () => {
      await import(/* @vite-ignore */ join(dir, module.fileName));
    });
  },
);
