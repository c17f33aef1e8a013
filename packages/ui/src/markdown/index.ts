export { Markdown } from './markdown.js';
export type { MarkdownProps } from './markdown.js';
export { CodeBlock } from './code-block.js';
export type { CodeBlockProps } from './code-block.js';
export type { MarkdownComponents } from './render-tokens.js';
export { safeUrl } from './safe-url.js';
export { MAX_NESTING_DEPTH } from './lex-markdown.js';
export { repairBlock } from './repair/index.js';
