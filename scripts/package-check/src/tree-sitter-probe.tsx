import { useState } from 'react';
import { loadTreeSitterBackend } from '@rill/json/tree-sitter';
import runtimeWasmUrl from 'web-tree-sitter/web-tree-sitter.wasm?url';
import grammarWasmUrl from 'tree-sitter-json/tree-sitter-json.wasm?url';

export function TreeSitterProbe() {
  const [value, setValue] = useState<unknown>();
  const probe = async () => {
    const createParser = await loadTreeSitterBackend({ runtimeWasmUrl, grammarWasmUrl });
    const parser = createParser();
    parser.push('{"items":[{"id":1},');
    setValue(parser.value());
  };
  return (
    <button type="button" onClick={() => void probe()}>
      Parse with tree-sitter {JSON.stringify(value)}
    </button>
  );
}
