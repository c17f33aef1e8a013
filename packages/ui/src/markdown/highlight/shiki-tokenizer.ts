// The lazily loaded half of highlighting: Shiki's core with its JavaScript regex engine (no WASM), grammars precompiled
// for it, and one theme whose colours are CSS custom properties, so styles.css owns them. Only `import()` reaches this file.
import {
  createCssVariablesTheme,
  createHighlighterCore,
  type GrammarState,
  type HighlighterCore,
  type LanguageRegistration,
} from 'shiki/core';
import { createJavaScriptRawEngine } from 'shiki/engine/javascript';
import type { CodeToken, LoadedGrammar, TokenizeLine } from './code-tokens.js';
import { IncrementalTokens } from './incremental-tokens.js';
import type { HighlightLanguage } from './languages.js';

const THEME = 'rill';

// Each grammar is its own chunk, loaded the first time a block in its language renders.
const grammars: Record<HighlightLanguage, () => Promise<{ default: LanguageRegistration[] }>> = {
  typescript: () => import('@shikijs/langs-precompiled/typescript'),
  tsx: () => import('@shikijs/langs-precompiled/tsx'),
  javascript: () => import('@shikijs/langs-precompiled/javascript'),
  jsx: () => import('@shikijs/langs-precompiled/jsx'),
  json: () => import('@shikijs/langs-precompiled/json'),
  shellscript: () => import('@shikijs/langs-precompiled/shellscript'),
  python: () => import('@shikijs/langs-precompiled/python'),
  html: () => import('@shikijs/langs-precompiled/html'),
  css: () => import('@shikijs/langs-precompiled/css'),
  sql: () => import('@shikijs/langs-precompiled/sql'),
  yaml: () => import('@shikijs/langs-precompiled/yaml'),
  diff: () => import('@shikijs/langs-precompiled/diff'),
  go: () => import('@shikijs/langs-precompiled/go'),
  rust: () => import('@shikijs/langs-precompiled/rust'),
  java: () => import('@shikijs/langs-precompiled/java'),
  c: () => import('@shikijs/langs-precompiled/c'),
  cpp: () => import('@shikijs/langs-precompiled/cpp'),
  markdown: () => import('@shikijs/langs-precompiled/markdown'),
};

let highlighter: Promise<HighlighterCore> | undefined;

/**
 * Loads `language`'s grammar (and Shiki, the first time) and returns its line tokeniser and the incremental highlighter.
 *
 * @example
 * const { tokenize } = await loadGrammar('typescript');
 * tokenize('const a = 1;', undefined).tokens; // [{ content: 'const', color: 'var(--rill-code-token-keyword)' }, …]
 */
export async function loadGrammar(language: HighlightLanguage): Promise<LoadedGrammar> {
  highlighter ??= createHighlighterCore({
    themes: [createCssVariablesTheme({ name: THEME, variablePrefix: '--rill-code-' })],
    langs: [],
    // Grammars precompiled to JavaScript regular expressions: no Oniguruma translation at run time, whose first lines
    // of a grammar took tens of ms each (a long task on the first highlighting).
    engine: createJavaScriptRawEngine(),
  });
  const shiki = await highlighter;
  await shiki.loadLanguage((await grammars[language]()).default);
  const tokenize: TokenizeLine = (line, state) => {
    let lines;
    try {
      lines = shiki.codeToTokensBase(line, {
        lang: language,
        theme: THEME,
        grammarState: state as GrammarState | undefined,
      });
    } catch {
      // A grammar the engine cannot run on this line: the line shows unstyled, the next starts from the same state.
      return { tokens: [{ content: line }], state };
    }
    const next = shiki.getLastGrammarState(lines) ?? state;
    const tokens: CodeToken[] = [];
    let length = 0;
    for (const { content, color, fontStyle } of lines[0] ?? []) {
      const className = classNameOf(color, fontStyle ?? 0);
      tokens.push(className === '' ? { content } : { content, className });
      length += content.length;
    }
    // The text must stay exactly the code: a line the tokens do not cover in full is shown unstyled.
    return { tokens: length === line.length ? tokens : [{ content: line }], state: next };
  };
  return { tokenize, createHighlight: () => new IncrementalTokens() };
}

const TOKEN_COLOUR = /^var\(--rill-code-token-([a-z-]+)\)$/;
// Shiki's font style bits, in order: italic, bold, underline, strikethrough.
const FONT_STYLES = ['italic', 'bold', 'underline', 'strike'];
const classNames = new Map<string, string>();

// The theme colours each run `var(--rill-code-token-NAME)`: styles.css colours `.rill-code__token--NAME` with that
// property, so a run is a class, not an inline style. A run in the code's own colour and style gets none.
function classNameOf(color: string | undefined, fontStyle: number): string {
  const key = `${color ?? ''} ${fontStyle}`;
  let className = classNames.get(key);
  if (className === undefined) {
    const kind = TOKEN_COLOUR.exec(color ?? '')?.[1];
    const names = [kind, ...FONT_STYLES.filter((_, bit) => fontStyle & (1 << bit))].filter(
      (name) => name !== undefined,
    );
    className = names.map((name) => `rill-code__token--${name}`).join(' ');
    classNames.set(key, className);
  }
  return className;
}
