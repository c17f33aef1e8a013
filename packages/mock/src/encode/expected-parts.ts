import type { Citation, Part, SourcePart, TextPart } from '@rill/core';
import type { MockCitation, MockPart, MockProviderPart, MockSource, MockTextPart } from '../scenario/types.js';

/** A tool call's argument text streams in pieces of this many characters. */
export const ARGUMENT_CHUNK_CHARS = 8;

/**
 * How a wire cites: `blocks` sends each cited span as a text block of its own, citing the whole
 * block, its new sources around it (Anthropic); `after-text` cites by offsets, each new source
 * right after the text that cites it (OpenAI); `at-end` cites by offsets and sends every source
 * after the whole answer (Gemini's grounding metadata).
 */
export type CitationStyle = 'blocks' | 'after-text' | 'at-end';

/** How a provider's wire shapes the decoded parts. */
export interface PartOptions {
  /** False where the wire has no reasoning signatures (OpenAI Chat). */
  signatures: boolean;
  /** True where one text stream carries every part, so neighbours of one kind join (OpenAI Chat, Gemini). */
  joinNeighbours: boolean;
  /** The id a signed reasoning item has on the wire, given its output index (OpenAI Responses), if it has one. */
  reasoningItemId?: (index: number) => string;
  citations: CitationStyle;
  /** The parts a provider-run part decodes to on this wire; none where the wire has no such thing. */
  providerParts(part: MockProviderPart, index: number): Part[];
}

/**
 * The source part a mock source decodes to: a web page, its URL as its id.
 *
 * @example sourcePart({ url: 'https://a.test/', title: 'A' }); // { type: 'source', id: 'https://a.test/', sourceType: 'url', url: 'https://a.test/', title: 'A' }
 */
export function sourcePart(source: MockSource): SourcePart {
  return { type: 'source', id: source.url, sourceType: 'url', url: source.url, title: source.title };
}

/**
 * A text part as the blocks Anthropic sends it in: the cited spans (identical spans together) and
 * the text between them, in order, each with its citations.
 *
 * @example citedBlocks({ type: 'text', text: 'A b.', citations: [{ source, start: 2, end: 4 }] }); // [{ text: 'A ', citations: [] }, { text: 'b.', citations: [...] }]
 */
export function citedBlocks(part: MockTextPart): { text: string; citations: MockCitation[] }[] {
  const spans = [...(part.citations ?? [])].sort((a, b) => a.start - b.start || a.end - b.end);
  const blocks: { text: string; citations: MockCitation[] }[] = [];
  let at = 0;
  for (const citation of spans) {
    const last = blocks.at(-1);
    if (last !== undefined && last.citations[0]?.start === citation.start && last.citations[0]?.end === citation.end) {
      last.citations.push(citation);
      continue;
    }
    if (citation.start > at) blocks.push({ text: part.text.slice(at, citation.start), citations: [] });
    blocks.push({ text: part.text.slice(citation.start, citation.end), citations: [citation] });
    at = citation.end;
  }
  if (at < part.text.length || blocks.length === 0) blocks.push({ text: part.text.slice(at), citations: [] });
  return blocks;
}

/**
 * The words a citation quotes (Anthropic's `cited_text`).
 *
 * @example quoteOf('Paris is big.', { source, start: 0, end: 5 }); // 'Paris'
 */
export function quoteOf(text: string, citation: MockCitation): string {
  return citation.quote ?? text.slice(citation.start, citation.end);
}

/**
 * The citations Gemini's grounding supports give for a text part: one per distinct span and source.
 *
 * @example distinctCitations([c, c]).length; // 1
 */
export function distinctCitations(citations: readonly MockCitation[]): MockCitation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.start}:${c.end}:${c.source.url}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toPart(part: Exclude<MockPart, MockProviderPart | MockTextPart>, index: number, options: PartOptions): Part {
  switch (part.type) {
    case 'reasoning':
      if (!options.signatures || part.signature === undefined) return { type: 'reasoning', text: part.text };
      return {
        type: 'reasoning',
        text: part.text,
        signature: part.signature,
        ...(options.reasoningItemId && { itemId: options.reasoningItemId(index) }),
      };
    case 'tool-call':
      return {
        type: 'tool-call',
        toolCallId: part.toolCallId,
        toolName: part.toolName,
        inputText: JSON.stringify(part.input),
        input: part.input,
        state: 'input-available',
      };
  }
}

/** Builds the decoded parts one scenario part at a time, tracking sources and the text a neighbour joins. */
function createPartList(options: PartOptions) {
  const out: Part[] = [];
  const late: Part[] = [];
  const seen = new Set<string>();
  // The text part the next text joins (OpenAI Chat, Gemini): sources may come between them.
  let openText: number | undefined;

  const addSource = (source: MockSource, into: Part[]): void => {
    if (seen.has(source.url)) return;
    seen.add(source.url);
    into.push(sourcePart(source));
  };

  const addText = (text: string, citations: Citation[]): void => {
    const open = openText === undefined ? undefined : out[openText];
    if (options.joinNeighbours && open?.type === 'text') {
      const shifted = citations.map((c) => ({
        ...c,
        start: (c.start ?? 0) + open.text.length,
        end: (c.end ?? 0) + open.text.length,
      }));
      const all = [...(open.citations ?? []), ...shifted];
      out[openText as number] = { type: 'text', text: open.text + text, ...(all.length > 0 && { citations: all }) };
      return;
    }
    openText = out.push({ type: 'text', text, ...(citations.length > 0 && { citations }) }) - 1;
  };

  const text = (part: MockTextPart): void => {
    const cited = part.citations ?? [];
    if (options.citations === 'blocks') {
      for (const block of citedBlocks(part)) {
        // The first citation creates the block's text part, after that citation's source if it is new.
        let at: number | undefined;
        const citations: Citation[] = [];
        for (const citation of block.citations) {
          addSource(citation.source, out);
          citations.push({ sourceId: citation.source.url, quote: quoteOf(part.text, citation) });
          at ??= out.push({ type: 'text', text: '' }) - 1;
        }
        const decoded: TextPart = { type: 'text', text: block.text, ...(citations.length > 0 && { citations }) };
        if (at === undefined) out.push(decoded);
        else out[at] = decoded;
      }
      return;
    }
    const list = options.citations === 'at-end' ? distinctCitations(cited) : cited;
    addText(
      part.text,
      list.map((c) => ({ sourceId: c.source.url, start: c.start, end: c.end })),
    );
    for (const citation of list) addSource(citation.source, options.citations === 'at-end' ? late : out);
  };

  return {
    text,
    push(part: Part): void {
      const last = out.at(-1);
      openText = undefined;
      if (options.joinNeighbours && last?.type === 'reasoning' && part.type === 'reasoning')
        out[out.length - 1] = { ...last, ...part, text: last.text + part.text };
      else out.push(part);
    },
    parts: (): Part[] => [...out, ...late],
  };
}

/**
 * The `Message.parts` a scenario's parts decode to on a provider's wire.
 *
 * @example expectedParts([{ type: 'text', text: 'Hi' }], { signatures: true, joinNeighbours: false, citations: 'blocks', providerParts: () => [] }); // [{ type: 'text', text: 'Hi' }]
 */
export function expectedParts(parts: readonly MockPart[], options: PartOptions): Part[] {
  const list = createPartList(options);
  for (const [index, part] of parts.entries()) {
    switch (part.type) {
      case 'text':
        list.text(part);
        break;
      case 'reasoning':
      case 'tool-call':
        list.push(toPart(part, index, options));
        break;
      default:
        for (const decoded of options.providerParts(part, index)) list.push(decoded);
    }
  }
  return list.parts();
}
