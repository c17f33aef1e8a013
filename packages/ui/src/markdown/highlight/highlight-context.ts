import { createContext } from 'react';

/** Whether code blocks below highlight (`Markdown`'s `highlight`) and whether their code is done growing. */
export interface HighlightSettings {
  readonly highlight: boolean;
  readonly settled: boolean;
}

// One object per combination, so a provider's value never changes identity between renders.
const settings: Record<'on' | 'off', Record<'settled' | 'streaming', HighlightSettings>> = {
  on: { settled: { highlight: true, settled: true }, streaming: { highlight: true, settled: false } },
  off: { settled: { highlight: false, settled: true }, streaming: { highlight: false, settled: false } },
};

/**
 * The settings object for a provider of {@link HighlightContext}.
 *
 * @example
 * <HighlightContext.Provider value={highlightSettings(true, !streaming)}>…</HighlightContext.Provider>
 */
export function highlightSettings(highlight: boolean, settled: boolean): HighlightSettings {
  return settings[highlight ? 'on' : 'off'][settled ? 'settled' : 'streaming'];
}

/** A `CodeBlock` outside `Markdown` highlights; its code may still grow, so its tokens are not cached. */
export const HighlightContext = createContext<HighlightSettings>(highlightSettings(true, false));
