import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sseCases } from '../../test/sse-cases.js';
import { caseBytes, collect, splitAt, splitText, type Collected } from '../../test/sse-collect.js';
import { isRillError } from '../errors.js';
import { createSSEDecoder, type SSEDecoderOptions, type SSEEvent } from './index.js';

describe('createSSEDecoder: the event stream interpretation rules', () => {
  for (const c of sseCases) {
    const expected: Collected = { events: c.events, comments: c.comments ?? [], retries: c.retries ?? [] };
    it(c.rule, () => {
      // Strings are pushed as strings here, so the string input path meets every rule too.
      expect(collect(c.chunks.map((chunk) => (typeof chunk === 'string' ? chunk : Uint8Array.from(chunk))))).toEqual(
        expected,
      );
    });
    it(`${c.rule} (one byte at a time)`, () => {
      const bytes = caseBytes(c.chunks);
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
    const pieces = splitAt(
      new TextEncoder().encode(`data: ${value}\n\n`),
      Array.from({ length: 1000 }, (_, i) => i * 101),
    );
    expect(collect(pieces).events).toEqual([{ event: 'message', data: value, id: '' }]);
  });
});

// A line's text never holds CR or LF; an id never holds NULL.
const lineText = fc
  .oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ maxLength: 12 }))
  .map((s) => s.replace(/[\r\n]/g, ''));
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
const stream = fc.record({
  bom: fc.boolean(),
  items: fc.array(item, { maxLength: 12 }),
  ends: fc.infiniteStream(lineEnd),
});

/** Serializes the items with the given line ends, and says what a decoder must report for them. */
function build({ bom, items, ends }: { bom: boolean; items: Item[]; ends: fc.Stream<string> }): {
  text: string;
  bytes: Uint8Array;
  expected: Collected;
} {
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
  return { text, bytes: new TextEncoder().encode(text), expected };
}

describe('createSSEDecoder: chunking never changes the result', () => {
  it('any split of the bytes gives exactly the events of the unsplit input', () => {
    fc.assert(
      fc.property(stream, fc.array(fc.nat(), { maxLength: 40 }), (s, cuts) => {
        const { bytes, expected } = build(s);
        expect(collect([bytes])).toEqual(expected);
        expect(
          collect(
            splitAt(
              bytes,
              cuts.map((c) => c % (bytes.length + 1)),
            ),
          ),
        ).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('any split of a string, inside surrogate pairs too, gives exactly the events of the unsplit string', () => {
    fc.assert(
      fc.property(stream, fc.array(fc.nat(), { maxLength: 40 }), (s, cuts) => {
        const { text, expected } = build(s);
        expect(
          collect(
            splitText(
              text,
              cuts.map((c) => c % (text.length + 1)),
            ),
          ),
        ).toEqual(expected);
        // Every position: one UTF-16 code unit per push, so every pair is split.
        expect(collect(text.split(''))).toEqual(expected);
      }),
      { numRuns: 300 },
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

/** Pushes `chunks` into a decoder with `options` until one throws: the events before, and which chunk threw (-1: none). */
function pushUntilThrow(
  chunks: (Uint8Array | string)[],
  options: SSEDecoderOptions,
): { events: SSEEvent[]; threwAt: number; error: unknown } {
  const events: SSEEvent[] = [];
  const decoder = createSSEDecoder({ onEvent: (e) => events.push(e) }, options);
  for (const [index, chunk] of chunks.entries()) {
    try {
      decoder.push(chunk);
    } catch (error) {
      return { events, threwAt: index, error };
    }
  }
  decoder.end();
  return { events, threwAt: -1, error: undefined };
}

/** The index of the chunk holding byte `at`. */
function chunkHolding(chunks: Uint8Array[], at: number): number {
  let end = 0;
  return chunks.findIndex((chunk) => (end += chunk.length) > at);
}

const tooLarge = (option: string, cap: number) =>
  expect.objectContaining({
    name: 'RillError',
    kind: 'too-large',
    retryable: false,
    message: expect.stringContaining(`longer than ${option} (${cap} characters)`),
  });

describe('createSSEDecoder: line and event caps', () => {
  // A 101-character comment line (':' and 100 two-byte 'é') between two events; its 101st character ends at byte 209.
  const overlong = new TextEncoder().encode(`data: a\n\n:${'é'.repeat(100)}\ndata: b\n\n`);
  const lastByteOfCharacter101 = 9 + 1 + 100 * 2 - 1;

  it('refuses a line at the push that takes it past maxLineLength, whatever the chunking, after the events before it', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: overlong.length }), { maxLength: 30 }), (cuts) => {
        const chunks = splitAt(overlong, cuts);
        const { events, threwAt, error } = pushUntilThrow(chunks, { maxLineLength: 100 });
        expect(error).toEqual(tooLarge('maxLineLength', 100));
        expect(isRillError(error)).toBe(true);
        expect(threwAt).toBe(chunkHolding(chunks, lastByteOfCharacter101));
        expect(events).toEqual([{ event: 'message', data: 'a', id: '' }]);
      }),
      { numRuns: 300 },
    );
    // One byte at a time: nothing past the cap is held, and a line of exactly the cap is fine.
    expect(pushUntilThrow(splitAt(overlong, [...overlong.keys()]), { maxLineLength: 100 }).threwAt).toBe(
      lastByteOfCharacter101,
    );
    expect(pushUntilThrow([overlong], { maxLineLength: 101 }).events).toHaveLength(2);
  });

  it('refuses an event whose data passes maxEventLength at the data line that passes it', () => {
    const wire = 'data: ok\n\ndata: 0123456789\ndata: 0123456789\ndata: 0123456789\n\n'; // 10 + 1 + 10 = 21, then 32
    const chunks = [...wire];
    const { events, threwAt, error } = pushUntilThrow(chunks, { maxEventLength: 25 });
    expect(error).toEqual(tooLarge('maxEventLength', 25));
    expect(threwAt).toBe(wire.lastIndexOf('9\n') + 1);
    expect(events).toEqual([{ event: 'message', data: 'ok', id: '' }]);
    expect(pushUntilThrow(chunks, { maxEventLength: 32 }).events).toHaveLength(2);
  });

  it('holds nothing after a cap is passed: every later push throws the same error, end() is quiet', () => {
    const decoder = createSSEDecoder({ onEvent: () => undefined }, { maxLineLength: 4 });
    const thrown = (push: () => void): unknown => {
      try {
        push();
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const first = thrown(() => decoder.push('data: 1\n\n'));
    expect(first).toEqual(tooLarge('maxLineLength', 4));
    expect(thrown(() => decoder.push('\n'))).toBe(first);
    expect(thrown(() => decoder.end())).toBeUndefined();
  });

  it('caps lines and events at 16 Mi code units by default', () => {
    const cap = 16 * 1024 * 1024;
    const events: SSEEvent[] = [];
    const decoder = createSSEDecoder({ onEvent: (e) => events.push(e) });
    decoder.push(`data:${'x'.repeat(cap - 5)}`); // a whole line's worth, not yet ended
    expect(() => decoder.push('x')).toThrow(tooLarge('maxLineLength', cap));
    const data = createSSEDecoder({ onEvent: (e) => events.push(e) });
    const line = `data:${'y'.repeat(cap / 2 - 5)}\n`; // two values join to cap - 9 characters, a third passes the cap
    data.push(line);
    data.push(line);
    expect(() => data.push(line)).toThrow(tooLarge('maxEventLength', cap));
    expect(events).toEqual([]);
  });
});
