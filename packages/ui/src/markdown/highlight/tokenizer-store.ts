import type { TokenizeLine } from './code-tokens.js';
import type { HighlightLanguage } from './languages.js';

// Per grammar: loading, its tokeniser once loaded, or failed (its blocks stay plain, silently).
const tokenizers = new Map<HighlightLanguage, TokenizeLine | 'loading' | 'failed'>();
const listeners = new Set<() => void>();

/**
 * Starts loading `language`'s tokeniser (Shiki's core the first time, then the grammar), once; listeners hear when it is ready.
 *
 * @example
 * useEffect(() => requestTokenizer('typescript'), []);
 */
export function requestTokenizer(language: HighlightLanguage): void {
  if (tokenizers.has(language)) return;
  tokenizers.set(language, 'loading');
  const settle = (result: TokenizeLine | 'failed') => {
    tokenizers.set(language, result);
    for (const listener of listeners) listener();
  };
  import('./shiki-tokenizer.js').then(
    (shiki) => shiki.loadTokenizer(language).then(settle, () => settle('failed')),
    () => settle('failed'),
  );
}

/**
 * The tokeniser for `language` if it has loaded, else undefined.
 *
 * @example
 * const tokenize = loadedTokenizer('typescript'); // undefined until requestTokenizer's load resolves
 */
export function loadedTokenizer(language: HighlightLanguage): TokenizeLine | undefined {
  const tokenizer = tokenizers.get(language);
  return typeof tokenizer === 'function' ? tokenizer : undefined;
}

/**
 * Calls `listener` whenever a tokeniser finishes loading (or fails); returns the unsubscribe (useSyncExternalStore's shape).
 *
 * @example
 * useSyncExternalStore(subscribeTokenizers, () => loadedTokenizer(language), () => undefined);
 */
export function subscribeTokenizers(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
