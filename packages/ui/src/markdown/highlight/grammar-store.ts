import type { LoadedGrammar } from './code-tokens.js';
import type { HighlightLanguage } from './languages.js';

// Per grammar: loading, its tokeniser once loaded, or failed (its blocks stay plain, silently).
const grammars = new Map<HighlightLanguage, LoadedGrammar | 'loading' | 'failed'>();
const listeners = new Set<() => void>();

/**
 * Starts loading `language`'s grammar (Shiki's core the first time, then the grammar) once, when the page is next idle;
 * listeners hear when it is ready.
 *
 * @example
 * useEffect(() => requestGrammar('typescript'), []);
 */
export function requestGrammar(language: HighlightLanguage): void {
  if (grammars.has(language)) return;
  grammars.set(language, 'loading');
  const settle = (result: LoadedGrammar | 'failed') => {
    grammars.set(language, result);
    // Three tasks, none long: this one evaluated Shiki and the grammar; the next compiles the grammar's first patterns
    // (a line's tokenising compiles the regular expressions it tries), and the one after renders the first highlighting.
    setTimeout(() => {
      if (result !== 'failed') result.tokenize('x', undefined);
      setTimeout(() => {
        for (const listener of listeners) listener();
      }, 0);
    }, 0);
  };
  // When the page is idle (within a second): loading and compiling a grammar must not hold up a paint or an answer's frames.
  whenIdle(() =>
    import('./shiki-tokenizer.js').then(
      (shiki) => shiki.loadGrammar(language).then(settle, () => settle('failed')),
      () => settle('failed'),
    ),
  );
}

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 0);
}

/**
 * `language`'s grammar if it has loaded, else undefined.
 *
 * @example
 * const grammar = loadedGrammar('typescript'); // undefined until requestGrammar's load resolves
 */
export function loadedGrammar(language: HighlightLanguage): LoadedGrammar | undefined {
  const grammar = grammars.get(language);
  return typeof grammar === 'object' ? grammar : undefined;
}

/**
 * Calls `listener` whenever a grammar finishes loading (or fails); returns the unsubscribe (useSyncExternalStore's shape).
 *
 * @example
 * useSyncExternalStore(subscribeGrammars, () => loadedGrammar(language), () => undefined);
 */
export function subscribeGrammars(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
