import { TreeSitterDocument } from './tree-sitter-parser.js';
import type { IncrementalParserFactory } from '../parser-types.js';
import { withSchemas } from '../schema/with-schemas.js';

/** Where the two wasm files live; a Vite app passes `?url` imports, Node finds both itself. */
export interface TreeSitterBackendOptions {
  /** URL of `web-tree-sitter/web-tree-sitter.wasm` (the runtime). */
  runtimeWasmUrl?: string | URL;
  /** URL, or the bytes, of `tree-sitter-json/tree-sitter-json.wasm` (the grammar). Required outside Node. */
  grammarWasmUrl?: string | URL | Uint8Array;
}

function runningInNode(): boolean {
  const { process } = globalThis as { process?: { versions?: { node?: string } } };
  return typeof process?.versions?.node === 'string';
}

/**
 * Loads web-tree-sitter and the JSON grammar (once, asynchronously) and returns a factory with
 * the signature of `createIncrementalParser` (`schema` and `standardSchema` checked by `withSchemas`
 * from its completion events). Opt-in: nothing is fetched until you call it.
 * The wasm needs the CSP source `'wasm-unsafe-eval'` in `script-src`.
 *
 * @example
 * import runtimeWasmUrl from 'web-tree-sitter/web-tree-sitter.wasm?url';
 * import grammarWasmUrl from 'tree-sitter-json/tree-sitter-json.wasm?url';
 * const createTreeSitterParser = await loadTreeSitterBackend({ runtimeWasmUrl, grammarWasmUrl });
 * const parser = createTreeSitterParser({ onPathComplete: (path, value) => console.log(path, value) });
 * parser.push('{"a":[1,'); parser.value(); // { a: [1] }
 */
export async function loadTreeSitterBackend(options: TreeSitterBackendOptions = {}): Promise<IncrementalParserFactory> {
  const { Parser, Language, Edit } = await import('web-tree-sitter');
  const { runtimeWasmUrl } = options;
  await Parser.init(runtimeWasmUrl === undefined ? {} : { locateFile: () => String(runtimeWasmUrl) });
  let grammar = options.grammarWasmUrl;
  if (grammar === undefined) {
    if (!runningInNode())
      throw new Error(
        'loadTreeSitterBackend: pass grammarWasmUrl (e.g. `tree-sitter-json/tree-sitter-json.wasm?url`) outside Node',
      );
    grammar = (await import('./node-wasm.js')).nodeGrammarWasm();
  }
  const language = await Language.load(grammar);
  return withSchemas((opts) => new TreeSitterDocument({ Parser, Edit, language }, opts));
}
