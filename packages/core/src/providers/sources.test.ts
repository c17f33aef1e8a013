import { describe, expect, it } from 'vitest';
import { decodeFixture, fixtureEvents } from '../../test/provider-fixtures.js';
import { accumulate, type Message, type SourcePart, type TextPart } from '../message/index.js';
import type { SSEEvent } from '../sse/index.js';
import { decodeProvider } from './index.js';

const sources = (m: Message): SourcePart[] => m.parts.filter((p): p is SourcePart => p.type === 'source');
const texts = (m: Message): TextPart[] => m.parts.filter((p): p is TextPart => p.type === 'text');
const cited = (m: Message): { text: string; sourceId: string; start?: number; end?: number }[] =>
  texts(m).flatMap((t) =>
    (t.citations ?? []).map((c) => ({ text: t.text, sourceId: c.sourceId, start: c.start, end: c.end })),
  );

async function* chat(...chunks: unknown[]): AsyncIterable<SSEEvent> {
  for (const chunk of chunks) yield { event: 'message', id: '', data: JSON.stringify(chunk) };
  yield { event: 'message', id: '', data: '[DONE]' };
}

describe('sources and citations', () => {
  it('anthropic web search: every cited url is a titled source, its citation on the text it supports, with the quote', async () => {
    const message = await decodeFixture('anthropic-web-search-citations');
    const quotes = fixtureEvents('anthropic-web-search-citations').flatMap((e) => {
      const citation = (e['delta'] as { citation?: { url: string; title: string; cited_text: string } } | undefined)
        ?.citation;
      return citation === undefined ? [] : [citation];
    });
    expect(quotes).toHaveLength(7);
    expect(texts(message).flatMap((t) => t.citations ?? [])).toEqual(
      quotes.map((q) => ({ sourceId: q.url, quote: q.cited_text })),
    );
    expect(sources(message).map((s) => [s.url, s.title])).toEqual([...new Map(quotes.map((q) => [q.url, q.title]))]);
    const first = texts(message).find((t) => t.citations !== undefined);
    expect(first?.text).toMatch(/^today \(September 16\) shows a high of/);
  });

  it('anthropic documents: a character range and a page range in the cited document, the document as a source', async () => {
    const chars = await decodeFixture('anthropic-document-citations');
    expect(sources(chars)).toEqual([{ type: 'source', id: 'document-0', sourceType: 'document', title: 'Rust Goals' }]);
    expect(texts(chars)[0]?.citations?.[0]).toMatchObject({
      sourceId: 'document-0',
      location: { unit: 'char', start: 0, end: 126 },
    });
    const pages = await decodeFixture('anthropic-pdf-page-citations');
    expect(texts(pages)[0]?.citations?.[0]).toMatchObject({
      sourceId: 'document-0',
      location: { unit: 'page', start: 1, end: 2 },
    });
    expect(texts(pages)[0]?.citations?.[0]?.quote).toMatch(
      /^In\r\nthis paper, we propose a solution to the double-spending problem/,
    );
  });

  it('openai responses: a url citation spans the words it supports, a file citation marks a point', async () => {
    const web = await decodeFixture('openai-responses-web-search');
    const [url] = cited(web);
    expect(url?.text.slice(url.start, url.end)).toBe(
      '([britannica.com](https://www.britannica.com/place/Mount-Columbia?utm_source=openai))',
    );
    expect(sources(web)).toEqual([
      {
        type: 'source',
        id: url?.sourceId,
        sourceType: 'url',
        url: url?.sourceId,
        title: 'Mount Columbia | mountain, Alberta, Canada | Britannica',
      },
    ]);
    const file = await decodeFixture('openai-responses-file-search');
    expect(cited(file)).toEqual([
      { text: 'The capital of France is Paris.', sourceId: 'file-9RhPAs9YqVajpGXRfcgavJ', start: undefined, end: 30 },
    ]);
    expect(sources(file)[0]).toMatchObject({
      sourceType: 'document',
      fileId: 'file-9RhPAs9YqVajpGXRfcgavJ',
      filename: 'tmp8l5_2pzy.txt',
    });
  });

  it('openai responses: offsets counted in characters land on the same words after an emoji (UTF-16 offsets)', async () => {
    async function* events(): AsyncIterable<SSEEvent> {
      const send = (body: object): SSEEvent => ({ event: 'message', id: '', data: JSON.stringify(body) });
      yield send({ type: 'response.output_text.delta', item_id: 'msg_1', content_index: 0, delta: '🌍 Paris is ' });
      yield send({ type: 'response.output_text.delta', item_id: 'msg_1', content_index: 0, delta: 'the capital.' });
      yield send({
        type: 'response.output_text.annotation.added',
        item_id: 'msg_1',
        content_index: 0,
        annotation: { type: 'url_citation', url: 'https://a.test/', title: 'A', start_index: 2, end_index: 7 },
      });
      yield send({ type: 'response.completed', response: { status: 'completed' } });
    }
    const [citation] = cited(await accumulate(decodeProvider('openai-responses', events())));
    expect(citation?.text.slice(citation.start, citation.end)).toBe('Paris');
  });

  it('gemini grounding: each grounding support cites the exact segment it names, UTF-8 byte offsets turned into UTF-16 ones', async () => {
    for (const name of ['gemini-grounding', 'gemini-file-search']) {
      const message = await decodeFixture(name);
      const supports = fixtureEvents(name).flatMap((e) => {
        const candidate = (
          e['candidates'] as {
            groundingMetadata?: {
              groundingSupports?: { segment: { text: string }; groundingChunkIndices: number[] }[];
            };
          }[]
        )[0];
        return (candidate?.groundingMetadata?.groundingSupports ?? []).flatMap((s) =>
          s.groundingChunkIndices.map(() => s.segment.text),
        );
      });
      expect(supports.length).toBeGreaterThan(1);
      expect(cited(message).map((c) => c.text.slice(c.start, c.end))).toEqual(supports);
      expect(cited(message).every((c) => sources(message).some((s) => s.id === c.sourceId))).toBe(true);
    }
    const fileSearch = await decodeFixture('gemini-file-search');
    expect(sources(fileSearch)).toEqual([
      {
        type: 'source',
        id: 'retrieved-0',
        sourceType: 'document',
        snippet: 'Paris is the capital of France. The Eiffel Tower is a famous landmark in Paris.',
      },
    ]);
  });

  it('perplexity: its citations are url sources in [n] order, titled from its search results, added once although every chunk repeats them', async () => {
    const message = await decodeFixture('openai-chat-perplexity-citations');
    const [first] = fixtureEvents('openai-chat-perplexity-citations');
    expect(sources(message).map((s) => s.url)).toEqual(first?.['citations']);
    expect(sources(message)[3]).toMatchObject({
      url: 'https://en.wikipedia.org/wiki/Solar_eclipse',
      title: 'Solar eclipse - Wikipedia',
    });
    expect(message.status).toBe('done');
  });

  it('openai-compatible chat: url_citation annotations place their offsets in the text part that carries them', async () => {
    const message = await accumulate(
      decodeProvider(
        'openai-chat',
        chat(
          { id: 'c', model: 'm', choices: [{ index: 0, delta: { reasoning_content: 'Search first.' } }] },
          { id: 'c', model: 'm', choices: [{ index: 0, delta: { content: 'Paris is the capital.' } }] },
          {
            id: 'c',
            model: 'm',
            choices: [
              {
                index: 0,
                delta: {
                  annotations: [
                    {
                      type: 'url_citation',
                      url_citation: { url: 'https://a.test/', title: 'A', start_index: 0, end_index: 5 },
                    },
                  ],
                },
                finish_reason: 'stop',
              },
            ],
          },
        ),
      ),
    );
    const [citation] = cited(message);
    expect(citation?.text.slice(citation.start, citation.end)).toBe('Paris');
    expect(sources(message)).toEqual([
      { type: 'source', id: 'https://a.test/', sourceType: 'url', url: 'https://a.test/', title: 'A' },
    ]);
  });
});
