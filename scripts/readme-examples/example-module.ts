import type { ReadmeExample } from './extract-examples.js';

/** A README block as a module the docs test can type-check and run, and where each of its lines came from. */
export interface ExampleModule {
  /** `readme-<path>-<line>.ts(x)`: unique per block. */
  fileName: string;
  source: string;
  /** For each line of `source`, its line in the README, or what hidden part it belongs to. */
  origins: (number | 'harness' | 'prelude' | 'run' | 'component')[];
}

type Origin = ExampleModule['origins'][number];

// Imports and ambient declarations go to the top, so a prelude or a component body may carry its own.
const IMPORT = /^import\s.+from\s+['"][^'"]+['"];?\s*$|^import\s+['"][^'"]+['"];?\s*$|^declare\s/;

/**
 * Builds the module for one block: Vite's client types, `import * as docs` (the harness), every import, the prelude,
 * the block (inside `export function Example() { … return null; }` for a `hook` block), then its driver.
 *
 * @example exampleModule(example, '../repo/scripts/readme-examples/harness.ts').source; // 'import * as docs from "../repo/…"; …'
 */
export function exampleModule(example: ReadmeExample, harness: string): ExampleModule {
  // Vite's client types: an app's `?url` and CSS imports.
  const imports: [string, Origin][] = [
    ['/// <reference types="vite/client" />', 'harness'],
    [`import * as docs from ${JSON.stringify(harness)};`, 'harness'],
  ];
  const body: [string, Origin][] = [];
  const take = (text: string, origin: (offset: number) => Origin): void => {
    text.split('\n').forEach((line, offset) => (IMPORT.test(line) ? imports : body).push([line, origin(offset)]));
  };
  if (example.hook) body.push(['export function Example() {', 'component']);
  take(example.prelude, () => 'prelude');
  take(example.code, (offset) => example.line + 1 + offset);
  if (example.hook) body.push(['  return null;', 'component'], ['}', 'component']);
  take(example.driver, () => 'run');
  const lines = [...imports, ...body];
  const slug = example.file
    .replace(/\.md$/i, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase();
  return {
    fileName: `readme-${slug}-${example.line}.${example.lang}`,
    source: lines.map(([line]) => line).join('\n') + '\n',
    origins: lines.map(([, origin]) => origin),
  };
}
