import {
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  useSyncExternalStore,
  type RefObject,
} from 'react';
import type { HighlightView } from './code-tokens.js';
import { HighlightContext } from './highlight-context.js';
import { highlightLanguage } from './languages.js';
import { loadedGrammar, requestGrammar, subscribeGrammars } from './grammar-store.js';
import { whenNearViewport } from './near-viewport.js';

const notLoaded = () => undefined;
// How long lines left for later wait for an update before the block renders again on its own.
const CONTINUE_MS = 34;

/**
 * `code` highlighted as `language`, or undefined while it shows plain: highlighting is off, the language is not one
 * highlighted, its grammar is still loading (it starts loading when the page is idle) or failed to, a done block has not
 * come near the viewport yet (attach the returned ref to the block), or this is the server render or hydration (so the
 * markup matches). A block that showed highlighted stays highlighted, growing or remounted.
 *
 * @example
 * const [view, ref] = useHighlightedCode(code, 'ts');
 * return <div ref={ref}>{view ? <HighlightedCode view={view} /> : code}</div>;
 */
export function useHighlightedCode(
  code: string,
  language: string,
): [HighlightView | undefined, RefObject<HTMLDivElement | null>] {
  const { highlight, settled } = useContext(HighlightContext);
  const grammar = highlight ? highlightLanguage(language) : undefined;
  const ref = useRef<HTMLDivElement>(null);
  // A growing block is where the reader looks; a done one (a restored conversation's) waits until it is near the viewport.
  const [near, setNear] = useState(false);
  const wanted = grammar !== undefined && (near || !settled);
  useEffect(() => {
    const element = ref.current;
    if (grammar === undefined || wanted || element === null) return;
    return whenNearViewport(element, () => setNear(true));
  }, [grammar, wanted]);
  useEffect(() => {
    if (wanted) requestGrammar(grammar);
  }, [wanted, grammar]);
  const loaded = useSyncExternalStore(
    subscribeGrammars,
    () => (grammar === undefined ? undefined : loadedGrammar(grammar)),
    notLoaded,
  );
  // Made once the grammar has loaded (its code is in the lazy chunk); were React to drop it, a new one picks up where it was.
  const tracker = useMemo(() => loaded?.createHighlight(), [loaded]);
  // Lines a task had no time for are tokenised in a later one.
  const [slice, nextSlice] = useReducer((n: number) => n + 1, 0);
  const view = useMemo(
    () =>
      grammar === undefined ||
      loaded === undefined ||
      tracker === undefined ||
      !(wanted || tracker.knows(grammar, code))
        ? undefined
        : tracker.update(grammar, loaded.tokenize, code, settled),
    // `slice` is no input, but a new one must update the tracker again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [tracker, grammar, loaded, code, settled, wanted, slice],
  );
  // A growing block goes on with its next update (no commit of its own, so still one a frame); one that stopped
  // growing, or a restored one, after a couple of frames.
  useEffect(() => {
    if (!view?.pending) return;
    const timer = setTimeout(nextSlice, CONTINUE_MS);
    return () => clearTimeout(timer);
  }, [view]);
  return [view, ref];
}
