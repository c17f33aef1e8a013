import { useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { HighlightContext } from './highlight-context.js';
import { IncrementalTokens, type HighlightView } from './incremental-tokens.js';
import { highlightLanguage } from './languages.js';
import { loadedTokenizer, requestTokenizer, subscribeTokenizers } from './tokenizer-store.js';

const notLoaded = () => undefined;

/**
 * `code` highlighted as `language`, or undefined while it shows plain: highlighting is off, the language is not one
 * highlighted, its grammar is still loading (it starts loading here) or failed to, or this is the server render or
 * hydration (so the markup matches). Once shown highlighted, growing code stays highlighted.
 *
 * @example
 * const view = useHighlightedCode(code, 'ts');
 */
export function useHighlightedCode(code: string, language: string): HighlightView | undefined {
  const { highlight, settled } = useContext(HighlightContext);
  const grammar = highlight ? highlightLanguage(language) : undefined;
  const tokenize = useSyncExternalStore(
    subscribeTokenizers,
    () => (grammar === undefined ? undefined : loadedTokenizer(grammar)),
    notLoaded,
  );
  useEffect(() => {
    if (grammar !== undefined) requestTokenizer(grammar);
  }, [grammar]);
  const [tokens] = useState(() => new IncrementalTokens());
  return useMemo(
    () =>
      grammar === undefined || tokenize === undefined ? undefined : tokens.update(grammar, tokenize, code, settled),
    [tokens, grammar, tokenize, code, settled],
  );
}
