// The ways of turning the same chunks of bytes into events (or lines) that the bench times, in Node and in Chromium.
import { createSSEDecoder } from '@rill/core/sse';
import { createParser } from 'eventsource-parser';

/** Decodes every chunk and returns a checksum of what came out, so no work can be skipped. */
export type Contender = (chunks: Uint8Array[]) => number;

/** Rill's byte-level decoder. */
export const rill: Contender = (chunks) => {
  let sum = 0;
  const decoder = createSSEDecoder({ onEvent: (e) => (sum += e.data.length + e.event.length) });
  for (const chunk of chunks) decoder.push(chunk);
  decoder.end();
  return sum;
};

/** eventsource-parser as its users run it: a streaming TextDecoder in front of `feed`. */
export const eventsourceParser: Contender = (chunks) => {
  let sum = 0;
  const utf8 = new TextDecoder();
  const parser = createParser({ onEvent: (e) => (sum += e.data.length + (e.event ?? 'message').length) });
  for (const chunk of chunks) parser.feed(utf8.decode(chunk, { stream: true }));
  parser.reset({ consume: false });
  return sum;
};

/** The floor any decoder pays: streaming UTF-8 decoding plus finding each LF. */
export const raw: Contender = (chunks) => {
  let sum = 0;
  const utf8 = new TextDecoder();
  for (const chunk of chunks) {
    const text = utf8.decode(chunk, { stream: true });
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) sum++;
  }
  return sum;
};

/** UTF-8 decoding alone, as streaming callers do it: what is left once every line scan is free. */
export const textDecoder: Contender = (chunks) => {
  let sum = 0;
  const utf8 = new TextDecoder();
  for (const chunk of chunks) sum += utf8.decode(chunk, { stream: true }).length;
  return sum;
};

/**
 * A bound, not a decoder: the least work that yields events (streaming decode, one indexOf per
 * line, one slice per data line, one event object per event). It drops lines split across chunks
 * and knows no CR, comments, ids or multi-line data, so any correct decoder is slower than this.
 */
export const skeleton: Contender = (chunks) => {
  let sum = 0;
  let event = '';
  const onEvent = (e: { event: string; data: string; id: string }): number => (sum += e.data.length + e.event.length);
  const utf8 = new TextDecoder();
  for (const chunk of chunks) {
    const text = utf8.decode(chunk, { stream: true });
    let from = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', from)) {
      const first = text.charCodeAt(from);
      if (end === from) event = '';
      else if (first === 100) onEvent({ event: event || 'message', data: text.slice(from + 6, end), id: '' });
      else if (first === 101) event = text.slice(from + 7, end);
      from = end + 1;
    }
  }
  return sum;
};

/** Every contender by the name the tables use. */
export const contenders: Record<string, Contender> = {
  rill,
  'eventsource-parser': eventsourceParser,
  raw,
  TextDecoder: textDecoder,
  skeleton,
};
