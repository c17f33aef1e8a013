import type { MockPart, MockSource } from '../scenario/types.js';
import { distinctCitations } from './expected-parts.js';

const utf8 = new TextEncoder();

/** UTF-8 bytes in `text`: Gemini counts segment offsets in bytes. */
const bytes = (text: string): number => utf8.encode(text).length;

/**
 * The `groundingMetadata` Gemini sends on its last chunk for a scenario: the searches it ran, the
 * cited pages as grounding chunks (in the order first cited) and one grounding support per cited
 * span, its segment in UTF-8 byte offsets over the whole answer's text. Undefined when nothing is
 * searched or cited.
 *
 * @example groundingMetadata([{ type: 'text', text: 'Paris.', citations: [{ source, start: 0, end: 5 }] }]); // { groundingChunks: [{ web: … }], groundingSupports: [{ segment: { endIndex: 5, text: 'Paris' }, … }] }
 */
export function groundingMetadata(parts: readonly MockPart[]): Record<string, unknown> | undefined {
  const queries = parts.flatMap((p) => (p.type === 'web-search' ? [p.query] : []));
  const sources: MockSource[] = [];
  const supports: object[] = [];
  let answer = '';
  for (const part of parts) {
    if (part.type !== 'text') continue;
    for (const citation of distinctCitations(part.citations ?? [])) {
      let index = sources.findIndex((s) => s.url === citation.source.url);
      if (index === -1) index = sources.push(citation.source) - 1;
      const startIndex = bytes(answer + part.text.slice(0, citation.start));
      const segment = {
        ...(startIndex > 0 && { startIndex }),
        endIndex: bytes(answer + part.text.slice(0, citation.end)),
        text: part.text.slice(citation.start, citation.end),
      };
      supports.push({ segment, groundingChunkIndices: [index] });
    }
    answer += part.text;
  }
  if (queries.length === 0 && sources.length === 0) return undefined;
  return {
    ...(queries.length > 0 && { webSearchQueries: queries }),
    ...(sources.length > 0 && {
      groundingChunks: sources.map((s) => ({ web: { uri: s.url, title: s.title } })),
      groundingSupports: supports,
    }),
  };
}
