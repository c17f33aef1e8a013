/** The grammars `Markdown` highlights, by the name Shiki gives each. */
export type HighlightLanguage =
  | 'typescript'
  | 'tsx'
  | 'javascript'
  | 'jsx'
  | 'json'
  | 'shellscript'
  | 'python'
  | 'html'
  | 'css'
  | 'sql'
  | 'yaml'
  | 'diff'
  | 'go'
  | 'rust'
  | 'java'
  | 'c'
  | 'cpp'
  | 'markdown';

// A fence's info string (lower-cased) to its grammar; anything else stays plain, and nothing is loaded for it.
const byInfo: Record<string, HighlightLanguage> = {
  ts: 'typescript',
  typescript: 'typescript',
  tsx: 'tsx',
  js: 'javascript',
  javascript: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'jsx',
  json: 'json',
  bash: 'shellscript',
  sh: 'shellscript',
  shell: 'shellscript',
  zsh: 'shellscript',
  python: 'python',
  py: 'python',
  html: 'html',
  css: 'css',
  sql: 'sql',
  yaml: 'yaml',
  yml: 'yaml',
  diff: 'diff',
  patch: 'diff',
  go: 'go',
  golang: 'go',
  rust: 'rust',
  rs: 'rust',
  java: 'java',
  c: 'c',
  h: 'c',
  cpp: 'cpp',
  'c++': 'cpp',
  cc: 'cpp',
  markdown: 'markdown',
  md: 'markdown',
};

/**
 * The grammar for a fence's language (`ts`, `Python`, `sh`…), or undefined when it is not one `Markdown` highlights.
 *
 * @example
 * highlightLanguage('ts'); // 'typescript'
 * highlightLanguage('brainfuck'); // undefined
 */
export function highlightLanguage(info: string): HighlightLanguage | undefined {
  const name = info.toLowerCase();
  return Object.hasOwn(byInfo, name) ? byInfo[name] : undefined;
}
