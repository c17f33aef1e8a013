import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every package's folder in the workspace, by name.
 *
 * @example workspacePackages('/repo').get('@rill/core'); // '/repo/packages/core'
 */
export function workspacePackages(root: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(join(root, group))) {
      const manifest = join(root, group, name, 'package.json');
      if (existsSync(manifest))
        found.set((JSON.parse(readFileSync(manifest, 'utf8')) as { name: string }).name, join(root, group, name));
    }
  }
  return found;
}

/**
 * Gives `dir` a node_modules in which every module a README may import resolves as an app's would:
 * the workspace's packages (at their sources, through their exports) and every dependency any of
 * them installs, the root's first. Symlinks only, so each module keeps its one real path.
 *
 * @example linkWorkspaceModules('/repo', tmp); // tmp/node_modules/@rill/core -> /repo/packages/core, tmp/node_modules/zod -> …
 */
export function linkWorkspaceModules(root: string, dir: string): void {
  const target = join(dir, 'node_modules');
  const linked = new Set<string>();
  const link = (name: string, from: string): void => {
    if (linked.has(name)) return;
    linked.add(name);
    const at = join(target, name);
    mkdirSync(join(at, '..'), { recursive: true });
    symlinkSync(from, at, 'dir');
  };
  const packages = workspacePackages(root);
  for (const [name, folder] of packages) link(name, folder);
  for (const folder of [root, ...packages.values(), join(root, 'bench')]) {
    const modules = join(folder, 'node_modules');
    if (!existsSync(modules)) continue;
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      if (!entry.startsWith('@')) link(entry, join(modules, entry));
      else
        for (const scoped of readdirSync(join(modules, entry)))
          link(`${entry}/${scoped}`, join(modules, entry, scoped));
    }
  }
}
