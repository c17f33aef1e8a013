import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sseCases } from '../../test/sse-cases.js';
import { collect, concat, splitAt, toBytes, type Collected } from '../../test/sse-collect.js';
import { createSSEDecoder, type SSEEvent } from './index.js';

describe('createSSEDecoder: the event stream interpretation rules', () => {
  for (const c of sseCases) {
    const expected: Collected = { events: c.events, comments: c.comments ?? [], retries: c.retries ?? [] };
    it(c.rule, () => {
      // Strings are pushed as strings here, so the string input path meets every rule too.
      expect(collect(c.chunks.map((chunk) => (typeof chunk === 'string' ? chunk : Uint8Array.from(chunk))))).toEqual(expected);
    });
    it(`${c.rule} (one byte at a time)`, () => {
      const bytes = concat(toBytes(c.chunks));
      expect(collect(splitAt(bytes, [...bytes.keys()]))).toEqual(expected);
    });
  }

  it('dispatches each event as soon as its blank line arrives', () => {
    const events: SSEEvent[] = [];
    const decoder = createSSEDecoder({ onEvent: (e) => events.push(e) });
    decoder.push('data: a\n');
    expect(events).toEqual([]);
    decoder.push('\ndata: b\n');
    expect(events).toEqual([{ event: 'message', data: 'a', id: '' }]);
  });

  it('keeps lines and characters whole when tiny and large chunks alternate', () => {
    const value = 'é😀x'.repeat(2_000);
    const bytes = new TextEncoder().encode(`data: ${value}\r\ndata: ${value}\r\n\r\nevent: e\rdata: z\r\r`);
    // Cuts alternate between 1-7 bytes (below the decoder's tiny-chunk size) and 90-300 bytes, inside characters too.
    const cuts: number[] = [];
    for (let at = 0, i = 0; at < bytes.length; i++) cuts.push((at += i % 2 ? 90 + ((i * 37) % 211) : 1 + (i % 7)));
    expect(collect(splitAt(bytes, cuts)).events).toEqual([
      { event: 'message', data: `${value}\n${value}`, id: '' },
      { event: 'e', data: 'z', id: '' },
    ]);
  });

  it('keeps a long line that arrives in many chunks whole', () => {
    const value = 'x'.repeat(100_000);
    const pieces = splitAt(new TextEncoder().encode(`data: ${value}\n\n`), Array.from({ length: 1000 }, (_, i) => i * 101));
    expect(collect(pieces).events).toEqual([{ event: 'message', data: value, id: '' }]);
  });
});

// A line's text never holds CR or LF; an id never holds NULL.
const lineText = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ maxLength: 12 })).map((s) => s.replace(/[\r\n]/g, ''));
const lineEnd = fc.constantFrom('\n', '\r', '\r\n');
type Item =
  | { kind: 'event'; id?: string; event?: string; data: string[] }
  | { kind: 'comment'; text: string }
  | { kind: 'retry'; ms: number };
const item: fc.Arbitrary<Item> = fc.oneof(
  fc.record(
    {
      kind: fc.constant('event' as const),
      id: lineText.map((s) => s.replace(/\0/g, '')),
      event: lineText,
      data: fc.array(lineText, { minLength: 1, maxLength: 4 }),
    },
    { requiredKeys: ['kind', 'data'] },
  ),
  fc.record({ kind: fc.constant('comment' as const), text: lineText }),
  fc.record({ kind: fc.constant('retry' as const), ms: fc.nat() }),
);
const stream = fc.record({ bom: fc.boolean(), items: fc.array(item, { maxLength: 12 }), ends: fc.infiniteStream(lineEnd) });

/** Serializes the items with the given line ends, and says what a decoder must report for them. */
function build({ bom, items, ends }: { bom: boolean; items: Item[]; ends: fc.Stream<string> }): { bytes: Uint8Array; expected: Collected } {
  const lines: string[] = [];
  const expected: Collected = { events: [], comments: [], retries: [] };
  let lastId = '';
  for (const it of items) {
    if (it.kind === 'comment') {
      lines.push(`:${it.text}`);
      expected.comments.push(it.text.startsWith(' ') ? it.text.slice(1) : it.text);
    } else if (it.kind === 'retry') {
      lines.push(`retry: ${it.ms}`);
      expected.retries.push(it.ms);
    } else {
      if (it.id !== undefined) lines.push(`id: ${(lastId = it.id)}`);
      if (it.event !== undefined) lines.push(`event: ${it.event}`);
      for (const d of it.data) lines.push(`data: ${d}`);
      lines.push('');
      expected.events.push({ event: it.event || 'message', data: it.data.join('\n'), id: lastId });
    }
  }
  let text = bom ? '\uFEFF' : '';
  let previous = '';
  for (const line of lines) {
    let end = ends.next().value;
    if (previous === '\r' && line === '' && end === '\n') end = '\r\n'; // else CR + LF would be read as one line end
    text += line + end;
    previous = end;
  }
  return { bytes: new TextEncoder().encode(text), expected };
}

describe('createSSEDecoder: chunking never changes the result', () => {
  it('any split of the bytes gives exactly the events of the unsplit input', () => {
    fc.assert(
      fc.property(stream, fc.array(fc.nat(), { maxLength: 40 }), (s, cuts) => {
        const { bytes, expected } = build(s);
        expect(collect([bytes])).toEqual(expected);
        expect(collect(splitAt(bytes, cuts.map((c) => c % (bytes.length + 1))))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('one-byte chunks give exactly the events of the unsplit input', () => {
    fc.assert(
      fc.property(stream, (s) => {
        const { bytes, expected } = build(s);
        expect(collect(splitAt(bytes, [...bytes.keys()]))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
