import { join } from 'node:path';
import ts from 'typescript';
import type { ExampleModule } from './example-module.js';

// An app's settings (Vite's React template, strict) plus noUncheckedIndexedAccess; unused names are fine in an excerpt.
const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  customConditions: ['rill-source'],
  moduleDetection: ts.ModuleDetectionKind.Force,
  jsx: ts.JsxEmit.ReactJSX,
  strict: true,
  noUncheckedIndexedAccess: true,
  noFallthroughCasesInSwitch: true,
  verbatimModuleSyntax: true,
  erasableSyntaxOnly: true,
  allowImportingTsExtensions: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
};

/**
 * Type-checks the example modules written to `dir` as one program; returns each module's errors,
 * each prefixed with where the line came from (`README.md:57`, or the hidden `prelude` / `run` part).
 *
 * @example typecheckExamples(dir, modules).get('readme-readme-49.tsx'); // [] when it compiles
 */
export function typecheckExamples(dir: string, modules: readonly ExampleModule[]): Map<string, string[]> {
  const program = ts.createProgram(
    modules.map((module) => join(dir, module.fileName)),
    options,
  );
  const errors = new Map<string, string[]>();
  for (const module of modules) {
    const file = program.getSourceFile(join(dir, module.fileName));
    if (file === undefined) throw new Error(`${module.fileName} was not read`);
    const found = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map(
      (diagnostic) => {
        const line =
          diagnostic.start === undefined ? undefined : file.getLineAndCharacterOfPosition(diagnostic.start).line;
        const origin = line === undefined ? '?' : module.origins[line];
        return `${typeof origin === 'number' ? `line ${origin}` : origin}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
      },
    );
    errors.set(module.fileName, found);
  }
  return errors;
}
