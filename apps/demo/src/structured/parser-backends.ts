import type { StructuredParserFactory } from '@rill/core';
import { createIncrementalParser } from '@rill/json';

export type BackendName = 'incremental' | 'tree-sitter' | 'partial-json';

export const backendLabels: Record<BackendName, string> = {
  incremental: 'Incremental (Rill, default)',
  'tree-sitter': 'web-tree-sitter',
  'partial-json': 'partial-json',
};

/**
 * The parser factory for a backend; tree-sitter and partial-json are loaded only when chosen
 * (their code, and tree-sitter's wasm, stay out of the first page load).
 *
 * @example const factory = await loadBackend('tree-sitter');
 */
export async function loadBackend(name: BackendName): Promise<StructuredParserFactory> {
  switch (name) {
    case 'incremental':
      return createIncrementalParser;
    case 'partial-json':
      return (await import('@rill/json/partial-json')).createPartialJsonParser;
    case 'tree-sitter': {
      const [{ loadTreeSitterBackend }, runtime, grammar] = await Promise.all([
        import('@rill/json/tree-sitter'),
        import('web-tree-sitter/web-tree-sitter.wasm?url'),
        import('tree-sitter-json/tree-sitter-json.wasm?url'),
      ]);
      return loadTreeSitterBackend({ runtimeWasmUrl: runtime.default, grammarWasmUrl: grammar.default });
    }
  }
}
