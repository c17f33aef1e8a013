import type { StreamPart } from '../message/types.js';
import { defined, isJson, num, obj, str, type Json } from './payload.js';

/** The sources an OpenAI-compatible chat stream names, and where its text cites them. */
export interface ChatSources {
  /** Perplexity's chunk-level `citations` (URLs, in `[n]` order) and `search_results` (their titles). */
  chunk(json: Json): StreamPart[];
  /** `delta.annotations` (`url_citation`, as OpenAI search models and OpenRouter's web plugin send). */
  annotations(annotations: unknown[], textId: string, textStart: number): StreamPart[];
}

/**
 * Sources of OpenAI-compatible chat streams. Perplexity repeats its `citations` and
 * `search_results` on every chunk: each URL becomes a source once, in `citations` order (the
 * text's `[1]` is the first), titled and with a snippet from its search result.
 * `url_citation` annotations carry offsets into the whole answer; they become offsets into the
 * text part that was streaming, which started at `textStart`.
 *
 * @example
 * const sources = createChatSources();
 * parts.push(...sources.chunk(json));
 */
export function createChatSources(): ChatSources {
  const seen = new Set<string>();

  const source = (url: string, result: Json | undefined): StreamPart[] => {
    if (url === '' || seen.has(url)) return [];
    seen.add(url);
    return [
      {
        type: 'source',
        source: defined({
          id: url,
          sourceType: 'url' as const,
          url,
          title: result && str(result, 'title'),
          snippet: result && str(result, 'snippet'),
        }),
      },
    ];
  };

  return {
    chunk(json) {
      const citations = Array.isArray(json['citations'])
        ? json['citations'].filter((c): c is string => typeof c === 'string')
        : [];
      const results = Array.isArray(json['search_results']) ? json['search_results'].filter(isJson) : [];
      if (citations.length === 0 && results.length === 0) return [];
      const byUrl = new Map(results.map((r) => [str(r, 'url') ?? '', r]));
      const urls = citations.length > 0 ? citations : [...byUrl.keys()];
      return urls.flatMap((url) => source(url, byUrl.get(url)));
    },
    annotations(annotations, textId, textStart) {
      return annotations.filter(isJson).flatMap((annotation): StreamPart[] => {
        const citation = obj(annotation, 'url_citation');
        if (str(annotation, 'type') !== 'url_citation' || citation === undefined)
          return [{ type: 'ignored', what: `annotation:${str(annotation, 'type') ?? ''}` }];
        const url = str(citation, 'url') ?? '';
        const start = num(citation, 'start_index');
        const end = num(citation, 'end_index');
        return [
          ...source(url, citation),
          {
            type: 'citation',
            id: textId,
            citation: defined({
              sourceId: url,
              start: start === undefined ? undefined : Math.max(0, start - textStart),
              end: end === undefined ? undefined : Math.max(0, end - textStart),
            }),
          },
        ];
      });
    },
  };
}
