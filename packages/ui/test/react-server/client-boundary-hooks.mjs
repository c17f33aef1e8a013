// Node module hooks that draw the 'use client' boundary as a React Server Components bundler does
// (react-server-dom-webpack's Node loader, Next.js): a module whose first statement is the directive
// is not run on the server, and each of its exports becomes a client reference.

const DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(['"])use client\1/;

/** The names a module exports, read from its source (it must not run here). */
async function exportNames(url, source) {
  const { default: ts } = await import('typescript');
  const file = ts.createSourceFile(url, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const has = (node, kind) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
  const names = [];
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement)) {
      // Next.js refuses `export *` in a client module: its names cannot be known without running it.
      if (statement.exportClause === undefined) throw new Error(`${url}: "export *" in a 'use client' module`);
      if (ts.isNamedExports(statement.exportClause))
        names.push(...statement.exportClause.elements.map((e) => e.name.text));
      else names.push(statement.exportClause.name.text);
    } else if (ts.isExportAssignment(statement) || has(statement, ts.SyntaxKind.DefaultKeyword)) {
      names.push('default');
    } else if (has(statement, ts.SyntaxKind.ExportKeyword)) {
      if (ts.isVariableStatement(statement))
        names.push(...statement.declarationList.declarations.map((d) => d.name.getText(file)));
      else names.push(statement.name.text);
    }
  }
  return names;
}

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (result.format !== 'module' || result.source == null) return result;
  const source = typeof result.source === 'string' ? result.source : new TextDecoder().decode(result.source);
  if (!DIRECTIVE.test(source)) return result;
  const names = await exportNames(url, source);
  const reference = (name) => `reference(${JSON.stringify(name)})`;
  return {
    format: 'module',
    shortCircuit: true,
    source: [
      `const reference = (name) => Object.defineProperties(() => { throw new Error(name + ' is a client export: it runs in a client component only'); }, {`,
      `  $$typeof: { value: Symbol.for('react.client.reference') }, $$id: { value: ${JSON.stringify(url)} + '#' + name }, $$async: { value: false } });`,
      ...names.map((name) =>
        name === 'default' ? `export default ${reference(name)};` : `export const ${name} = ${reference(name)};`,
      ),
    ].join('\n'),
  };
}
