/**
 * Where the JSON grammar's wasm sits when running under Node (resolved from this package, so a
 * consumer's install layout is honoured). Imported lazily, only when Node is detected.
 *
 * @example
 * const grammar = nodeGrammarWasm(); // URL of tree-sitter-json/tree-sitter-json.wasm
 */
export function nodeGrammarWasm(): URL {
  return new URL(import.meta.resolve('tree-sitter-json/tree-sitter-json.wasm'));
}
