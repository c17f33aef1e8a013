import type { Citation, StreamPart } from '../message/types.js';
import { defined, num, str, type Json } from './payload.js';

type Range = { unit: 'char' | 'page' | 'block'; start: string; end: string };

const blockRange: Range = { unit: 'block', start: 'start_block_index', end: 'end_block_index' };

// Document citation type → the unit and field names of its range in the document.
const documentRanges: Record<string, Range> = {
  char_location: { unit: 'char', start: 'start_char_index', end: 'end_char_index' },
  page_location: { unit: 'page', start: 'start_page_number', end: 'end_page_number' },
  content_block_location: blockRange,
};

const location = (citation: Json, range: Range): Citation['location'] => {
  const start = num(citation, range.start);
  const end = num(citation, range.end);
  return start === undefined || end === undefined ? undefined : { unit: range.unit, start, end };
};

/**
 * One Anthropic citation (from a `citations_delta`) as the source it names and a citation on the
 * text part `textId`: web search results are url sources, cited documents are document sources
 * named by their index; an unknown citation type is counted as ignored.
 *
 * @example anthropicCitation('2', { type: 'web_search_result_location', url: 'https://a.test/', title: 'A', cited_text: 'q' });
 */
export function anthropicCitation(textId: string, citation: Json): StreamPart[] {
  const type = str(citation, 'type') ?? '';
  const quote = str(citation, 'cited_text');
  const cite = (sourceId: string, where?: Citation['location']): StreamPart => ({
    type: 'citation',
    id: textId,
    citation: defined({ sourceId, quote, location: where }),
  });
  if (type === 'web_search_result_location') {
    const url = str(citation, 'url') ?? '';
    return [
      { type: 'source', source: defined({ id: url, sourceType: 'url' as const, url, title: str(citation, 'title') }) },
      cite(url),
    ];
  }
  if (type === 'search_result_location') {
    const origin = str(citation, 'source') ?? '';
    const id = `search-result-${num(citation, 'search_result_index') ?? origin}`;
    const url = /^https?:\/\//i.test(origin) ? origin : undefined;
    return [
      { type: 'source', source: defined({ id, sourceType: 'document' as const, url, title: str(citation, 'title') }) },
      cite(id, location(citation, blockRange)),
    ];
  }
  const range = Object.hasOwn(documentRanges, type) ? documentRanges[type] : undefined;
  if (range === undefined) return [{ type: 'ignored', what: `citation:${type}` }];
  const id = `document-${num(citation, 'document_index') ?? 0}`;
  return [
    {
      type: 'source',
      source: defined({
        id,
        sourceType: 'document' as const,
        title: str(citation, 'document_title'),
        fileId: str(citation, 'file_id'),
      }),
    },
    cite(id, location(citation, range)),
  ];
}
