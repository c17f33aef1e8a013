import type { SourcePart, StreamPart } from '../message/types.js';
import { defined, list, num, obj, str, type Json } from './payload.js';

/** A text part of the answer as decoded so far: its stream id and its text. */
export interface AnswerText {
  id: string;
  text: string;
}

/** One grounding chunk as a source, or undefined for a kind Rill does not know. */
function chunkSource(chunk: Json, index: number): Omit<SourcePart, 'type'> | undefined {
  const web = obj(chunk, 'web') ?? obj(chunk, 'maps');
  if (web !== undefined) {
    const url = str(web, 'uri') ?? `grounding-${index}`;
    return defined({ id: url, sourceType: 'url' as const, url: str(web, 'uri'), title: str(web, 'title') });
  }
  const retrieved = obj(chunk, 'retrievedContext');
  if (retrieved === undefined) return undefined;
  const uri = str(retrieved, 'uri');
  return defined({
    id: uri ?? `retrieved-${index}`,
    sourceType: 'document' as const,
    url: uri,
    title: str(retrieved, 'title'),
    snippet: str(retrieved, 'text'),
  });
}

/** UTF-16 offsets in `text` of the given UTF-8 byte offsets, in one pass over the text. */
function utf16Offsets(text: string, bytes: number[]): Map<number, number> {
  const wanted = [...new Set(bytes)].sort((a, b) => a - b);
  const found = new Map<number, number>();
  let byte = 0;
  let next = 0;
  for (let i = 0; i <= text.length && next < wanted.length;) {
    while (next < wanted.length && (wanted[next] as number) <= byte) found.set(wanted[next++] as number, i);
    if (i === text.length) break;
    const code = text.codePointAt(i) as number;
    byte += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    i += code > 0xffff ? 2 : 1;
  }
  for (; next < wanted.length; next++) found.set(wanted[next] as number, text.length);
  return found;
}

/**
 * Gemini `groundingMetadata` as sources and citations: each grounding chunk (`web`, `maps`,
 * `retrievedContext`) becomes a source, each grounding support a citation on the text part its
 * segment falls in. Segment offsets count UTF-8 bytes over the answer's text; they become UTF-16
 * offsets into that part (checked against the segment's own text, found by that text if they do
 * not match). `seen` keeps citations already given, as later chunks may repeat the metadata.
 *
 * @example groundingParts(candidate.groundingMetadata, [{ id: 'text-1', text: 'Paris is the capital.' }], new Set());
 */
export function groundingParts(metadata: Json, texts: readonly AnswerText[], seen: Set<string>): StreamPart[] {
  const parts: StreamPart[] = [];
  const sourceIds: (string | undefined)[] = list(metadata, 'groundingChunks').map((chunk, index) => {
    const source = chunkSource(chunk, index);
    if (source === undefined) parts.push({ type: 'ignored', what: `grounding:${Object.keys(chunk)[0] ?? 'empty'}` });
    else parts.push({ type: 'source', source });
    return source?.id;
  });
  const supports = list(metadata, 'groundingSupports');
  if (supports.length === 0 || texts.length === 0) return parts;

  const whole = texts.map((t) => t.text).join('');
  const starts: number[] = [];
  let at = 0;
  for (const t of texts) {
    starts.push(at);
    at += t.text.length;
  }
  const segments = supports.map((support) => obj(support, 'segment') ?? {});
  const offsets = utf16Offsets(
    whole,
    segments.flatMap((s) => [num(s, 'startIndex') ?? 0, num(s, 'endIndex') ?? 0]),
  );

  supports.forEach((support, i) => {
    const segment = segments[i] ?? {};
    let start = offsets.get(num(segment, 'startIndex') ?? 0) ?? 0;
    let end = offsets.get(num(segment, 'endIndex') ?? 0) ?? 0;
    const quoted = str(segment, 'text');
    if (quoted !== undefined && whole.slice(start, end) !== quoted) {
      const found = whole.indexOf(quoted);
      if (found < 0) return;
      [start, end] = [found, found + quoted.length];
    }
    // The text part the segment starts in; the citation ends within it.
    let entry = texts.length - 1;
    while (entry > 0 && (starts[entry] as number) > start) entry -= 1;
    const base = starts[entry] as number;
    const text = texts[entry] as AnswerText;
    const chunkIndices = Array.isArray(support['groundingChunkIndices']) ? support['groundingChunkIndices'] : [];
    for (const index of chunkIndices) {
      const sourceId = typeof index === 'number' ? sourceIds[index] : undefined;
      const key = `${start}:${end}:${String(index)}`;
      if (sourceId === undefined || seen.has(key)) continue;
      seen.add(key);
      parts.push({
        type: 'citation',
        id: text.id,
        citation: { sourceId, start: start - base, end: Math.min(end, base + text.text.length) - base },
      });
    }
  });
  return parts;
}

/**
 * A candidate's grounding metadata when it has chunks or supports (Gemini sends `{}` on most chunks).
 *
 * @example groundingOf({ groundingMetadata: {} }); // undefined
 */
export function groundingOf(candidate: Json): Json | undefined {
  const metadata = obj(candidate, 'groundingMetadata');
  return metadata !== undefined &&
    Object.keys(metadata).some((key) => key === 'groundingChunks' || key === 'groundingSupports')
    ? metadata
    : undefined;
}
