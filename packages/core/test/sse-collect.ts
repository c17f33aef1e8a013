import { createSSEDecoder, type SSEEvent } from '../src/sse/index.js';

/** Everything a decoder reported for a sequence of chunks, in order. */
export interface Collected {
  events: SSEEvent[];
  comments: string[];
  retries: number[];
}

/**
 * Pushes each chunk into a fresh decoder, ends it, and returns what it reported.
 *
 * @example collect(['data: a\n', '\n']).events; // [{ event: 'message', data: 'a', id: '' }]
 */
export function collect(chunks: Iterable<Uint8Array | string>): Collected {
  const out: Collected = { events: [], comments: [], retries: [] };
  const decoder = createSSEDecoder({
    onEvent: (e) => out.events.push(e),
    onComment: (text) => out.comments.push(text),
    onRetry: (ms) => out.retries.push(ms),
  });
  for (const chunk of chunks) decoder.push(chunk);
  decoder.end();
  return out;
}

/**
 * All the bytes of a case's chunks: each run of strings as one text in UTF-8 (a surrogate pair may
 * be split between two of them), number arrays as raw bytes.
 *
 * @example caseBytes(['\uD83D', '\uDE00', [0xc3]]); // Uint8Array [0xf0, 0x9f, 0x98, 0x80, 0xc3]
 */
export function caseBytes(chunks: (string | number[])[]): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let text = '';
  for (const chunk of chunks) {
    if (typeof chunk === 'string') text += chunk;
    else {
      parts.push(encoder.encode(text), Uint8Array.from(chunk));
      text = '';
    }
  }
  parts.push(encoder.encode(text));
  return concat(parts);
}

/**
 * One byte array holding all of `parts`.
 *
 * @example concat([Uint8Array.of(1), Uint8Array.of(2, 3)]); // Uint8Array [1, 2, 3]
 */
export function concat(parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/**
 * `bytes` cut at the given offsets (sorted, deduplicated, out-of-range ones dropped).
 *
 * @example splitAt(Uint8Array.of(1, 2, 3), [2, 0, 2]); // [Uint8Array [1, 2], Uint8Array [3]]
 */
export function splitAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.filter((c) => c > 0 && c < bytes.length))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    pieces.push(bytes.subarray(from, p));
    from = p;
  }
  return pieces;
}

/**
 * `text` cut at the given UTF-16 offsets, inside surrogate pairs too (sorted, deduplicated, out-of-range ones dropped).
 *
 * @example splitText('a😀', [2]); // ['a\uD83D', '\uDE00']
 */
export function splitText(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.filter((c) => c > 0 && c < text.length))].sort((a, b) => a - b);
  return [...points, text.length].map((point, i) => text.slice(i ? points[i - 1] : 0, point));
}
