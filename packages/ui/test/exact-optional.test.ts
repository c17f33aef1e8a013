// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const typeTest = fileURLToPath(new URL('./exact-optional.test-d.ts', import.meta.url));
const ENTRIES = [
  'packages/core/src/index.ts',
  'packages/react/src/index.ts',
  'packages/react/src/query/index.ts',
  'packages/ui/src/index.ts',
].map((file) => join(root, file));

// The workspace's compiler options, as a user with exactOptionalPropertyTypes has them.
const config = ts.getParsedCommandLineOfConfigFile(
  join(root, 'tsconfig.json'),
  { exactOptionalPropertyTypes: true },
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  },
);

describe('the public option and props types under exactOptionalPropertyTypes', () => {
  const program = config === undefined ? undefined : ts.createProgram([typeTest, ...ENTRIES], config.options);

  it('take an explicit undefined for every optional property', () => {
    const file = program?.getSourceFile(typeTest);
    const diagnostics =
      file === undefined
        ? []
        : [...(program?.getSyntacticDiagnostics(file) ?? []), ...(program?.getSemanticDiagnostics(file) ?? [])];
    expect(file).toBeDefined();
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  }, 60_000);

  it('are all in the type test', () => {
    const checker = program?.getTypeChecker();
    const source = readFileSync(typeTest, 'utf8');
    const exported = ENTRIES.flatMap((entry) => {
      const module = program?.getSourceFile(entry);
      const symbol = module === undefined ? undefined : checker?.getSymbolAtLocation(module);
      return symbol === undefined ? [] : (checker?.getExportsOfModule(symbol) ?? []);
    });
    // Re-exports are aliases: what a name is comes from the symbol it stands for.
    const isType = (symbol: ts.Symbol): boolean =>
      ((symbol.flags & ts.SymbolFlags.Alias ? checker?.getAliasedSymbol(symbol) : symbol)?.flags ?? 0) &
      ts.SymbolFlags.Type
        ? true
        : false;
    const types = exported
      .filter((symbol) => /(Options|Props)$/.test(symbol.name) && isType(symbol))
      .map((symbol) => symbol.name);
    expect(types.length).toBeGreaterThan(30);
    expect(
      types.filter((name) => !source.includes(`TakesUndefined<${name}`) && !source.includes(`Omit<${name},`)),
    ).toEqual([]);
  });
});
