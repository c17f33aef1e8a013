import { useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { HighlightView } from './code-tokens.js';
import { HighlightContext } from './highlight-context.js';
import { highlightLanguage } from './languages.js';
import { loadedGrammar, requestGrammar, subscribeGrammars } from './grammar-store.js';

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
  const loaded = useSyncExternalStore(
    subscribeGrammars,
    () => (grammar === undefined ? undefined : loadedGrammar(grammar)),
    notLoaded,
  );
  useEffect(() => {
    if (grammar !== undefined) requestGrammar(grammar);
  }, [grammar]);
  // Made once the grammar has loaded (its code is in the lazy chunk); were React to drop it, a new one picks up where it was.
  const tracker = useMemo(() => loaded?.createHighlight(), [loaded]);
  return useMemo(
    () =>
      grammar === undefined || loaded === undefined || tracker === undefined
        ? undefined
        : tracker.update(grammar, loaded.tokenize, code, settled),
    [tracker, grammar, loaded, code, settled],
  );
}
