export { loadTreeSitterBackend } from './load-tree-sitter-backend.js';
export type { TreeSitterBackendOptions } from './load-tree-sitter-backend.js';
