import { RillError } from '../errors.js';

/** One dispatched Server-Sent Event. */
export interface SSEEvent {
  /** The `event` field; "message" when absent or empty. */
  event: string;
  /** The `data` lines joined with LF. */
  data: string;
  /** The last event id in effect when this event was dispatched; "" if none. */
  id: string;
}

/** What the decoder calls as the stream is interpreted. */
export interface SSEHandlers {
  onEvent(event: SSEEvent): void;
  /** A `retry` field whose value is all ASCII digits. */
  onRetry?(ms: number): void;
  /** A line starting with ":" (one optional space after it removed). */
  onComment?(text: string): void;
}

/**
 * Caps that keep a decoder's memory bounded whatever the server sends, in UTF-16 code units (the
 * `length` of a JavaScript string; one per byte for ASCII). Each defaults to 16 Mi (16,777,216);
 * `Infinity` turns a cap off.
 */
export interface SSEDecoderOptions {
  /** The longest line (any field or comment, line end excluded). */
  maxLineLength?: number | undefined;
  /** The longest data buffer of one event: its `data` lines joined with LF. */
  maxEventLength?: number | undefined;
}

/** A push-driven decoder: feed it chunks, then call `end()` once. */
export interface SSEDecoder {
  /**
   * Interprets the next chunk. Throws a {@link RillError} of kind `too-large` (not retryable) when a
   * line or an event passes its cap; the decoder then holds nothing and every later push throws it again.
   */
  push(chunk: Uint8Array | string): void;
  /** The stream ended: an unterminated line and an event still open are discarded, as the spec says. */
  end(): void;
}

const LF = 10;
const CR = 13;
const STREAM = { stream: true };
const DEFAULT_MAX_LENGTH = 16 * 1024 * 1024;
// Tiny chunks wait as bytes until a line end, or until this many bytes (then they join the unfinished line as text).
const MAX_PENDING_BYTES = 16 * 1024;
const encoder = new TextEncoder();

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

// A class, not closures: decoders share one set of methods, so the JIT keeps its optimized code across requests.
class Decoder implements SSEDecoder {
  readonly #handlers: SSEHandlers;
  // One streaming decoder for the whole stream: it carries split characters across chunks and strips one leading BOM.
  readonly #utf8 = new TextDecoder();
  // Tiny chunks without a line end wait here as bytes: one decode call per line end, not per token.
  #pending = new Uint8Array(256);
  #pendingLength = 0;
  #rest = '';
  #afterCR = false;
  #data = '';
  #hasData = false;
  #eventType = '';
  #lastId = '';
  // A string chunk's trailing high surrogate, waiting for the low half that starts the next string chunk.
  #highSurrogate = '';
  readonly #maxLine: number;
  readonly #maxEvent: number;
  #failure: RillError | undefined;

  constructor(handlers: SSEHandlers, options: SSEDecoderOptions) {
    this.#handlers = handlers;
    this.#maxLine = options.maxLineLength ?? DEFAULT_MAX_LENGTH;
    this.#maxEvent = options.maxEventLength ?? DEFAULT_MAX_LENGTH;
  }

  push(chunk: Uint8Array | string): void {
    if (this.#failure) throw this.#failure;
    const bytes =
      typeof chunk === 'string' ? this.#encode(chunk) : this.#highSurrogate ? this.#afterLoneSurrogate(chunk) : chunk;
    let last = bytes.length - 1;
    // Only tiny chunks are scanned as bytes (a JS byte loop costs ~12% at 256 B): one without a line end waits undecoded.
    if (last < 64) while (last >= 0 && bytes[last] !== LF && bytes[last] !== CR) last--;
    const text = last < 0 || this.#pendingLength ? this.#joined(bytes, last) : this.#utf8.decode(bytes, STREAM);
    const size = text.length;
    if (!size) return;
    let from = this.#afterCR && text.charCodeAt(0) === LF ? 1 : 0; // the LF of a CRLF split across chunks
    // Next LF / CR positions are cached so each character is scanned once (size: none left).
    let nextLF = this.#find(text, '\n', from);
    let nextCR = this.#find(text, '\r', from);
    let end = nextLF < nextCR ? nextLF : nextCR;
    if (this.#rest) {
      // Still no line end: grow the unfinished line (ropes, so a long line stays linear). #afterCR is false here.
      if (end === size) {
        if (this.#rest.length + size > this.#maxLine) this.#tooLarge('line');
        return void (this.#rest += text);
      }
      // Only the line begun in an earlier chunk is concatenated, never the whole chunk.
      const line = this.#rest + text.slice(from, end);
      this.#line(line, 0, line.length);
      from = end + (end === nextCR && nextLF === end + 1 ? 2 : 1);
    }
    if (nextCR === size) {
      // No CR (what servers send): one indexOf per line and no CR bookkeeping, a measured ~10%.
      for (end = text.indexOf('\n', from); end >= 0; end = text.indexOf('\n', from)) {
        this.#line(text, from, end);
        from = end + 1;
      }
    } else {
      while (from < size) {
        if (nextLF < from) nextLF = this.#find(text, '\n', from);
        if (nextCR < from) nextCR = this.#find(text, '\r', from);
        end = nextLF < nextCR ? nextLF : nextCR;
        if (end === size) break;
        this.#line(text, from, end);
        from = end + (end === nextCR && nextLF === end + 1 ? 2 : 1);
      }
    }
    if (size - from > this.#maxLine) this.#tooLarge('line');
    this.#rest = from < size ? text.slice(from) : '';
    this.#afterCR = text.charCodeAt(size - 1) === CR;
  }

  end(): void {
    this.#utf8.decode(); // flushes: a character cut short is dropped with the unterminated line
    this.#highSurrogate = '';
    this.#pendingLength = 0;
    this.#rest = '';
    this.#afterCR = false;
    this.#data = '';
    this.#hasData = false;
    this.#eventType = '';
  }

  // Kept small so the JIT inlines it into push(): blank, data and event lines are nearly every line.
  #line(text: string, start: number, end: number): void {
    if (end - start > this.#maxLine) this.#tooLarge('line');
    if (start === end) {
      if (this.#hasData)
        this.#handlers.onEvent({ event: this.#eventType || 'message', data: this.#data, id: this.#lastId });
      this.#data = '';
      this.#hasData = false;
      this.#eventType = '';
    } else if (text.startsWith('data:', start)) {
      // text[end] is a line end (or past the string), so it is never the optional space.
      this.#append(text.slice(text.charCodeAt(start + 5) === 32 ? start + 6 : start + 5, end));
    } else if (text.startsWith('event:', start)) {
      this.#eventType = text.slice(text.charCodeAt(start + 6) === 32 ? start + 7 : start + 6, end);
    } else this.#field(text, start, end);
  }

  #field(text: string, start: number, end: number): void {
    let colon = start;
    while (colon < end && text.charCodeAt(colon) !== 58) colon++;
    let value = colon + 1;
    if (value < end && text.charCodeAt(value) === 32) value++;
    const field = colon - start;
    // Field names are compared in place, without slicing the line; no colon gives value > end, so v = ''.
    const v = text.slice(value, end);
    if (field === 0) {
      this.#handlers.onComment?.(v);
    } else if (field === 4 && text.startsWith('data', start)) {
      this.#append(v);
    } else if (field === 5 && text.startsWith('event', start)) {
      this.#eventType = v;
    } else if (field === 2 && text.startsWith('id', start)) {
      if (!v.includes('\0')) this.#lastId = v;
    } else if (field === 5 && text.startsWith('retry', start) && /^\d+$/.test(v)) {
      this.#handlers.onRetry?.(Number(v));
    }
  }

  #append(value: string): void {
    if ((this.#hasData ? this.#data.length + 1 : 0) + value.length > this.#maxEvent) this.#tooLarge('event');
    this.#data = this.#hasData ? this.#data + '\n' + value : value;
    this.#hasData = true;
  }

  // Stops for good: everything buffered is dropped, so memory stays bounded by the caps.
  #tooLarge(what: 'line' | 'event'): never {
    const [cap, option] = what === 'line' ? [this.#maxLine, 'maxLineLength'] : [this.#maxEvent, 'maxEventLength'];
    const message = `An event-stream ${what === 'line' ? 'line' : "event's data"} is longer than ${option} (${cap} characters); reading stopped`;
    this.end();
    throw (this.#failure = new RillError({ kind: 'too-large', message, retryable: false }));
  }

  // A high surrogate that ends a string chunk waits for the next one, so a pair split across pushes stays one character.
  #encode(chunk: string): Uint8Array {
    const text = this.#highSurrogate + chunk;
    const held = isHighSurrogate(text.charCodeAt(text.length - 1));
    this.#highSurrogate = held ? text.slice(-1) : '';
    return encoder.encode(held ? text.slice(0, -1) : text);
  }

  // Bytes after a held high surrogate: the surrogate had no pair, so it decodes to U+FFFD as lone ones do.
  #afterLoneSurrogate(bytes: Uint8Array): Uint8Array {
    const lone = encoder.encode(this.#highSurrogate);
    this.#highSurrogate = '';
    const joined = new Uint8Array(lone.length + bytes.length);
    joined.set(lone);
    joined.set(bytes, lone.length);
    return joined;
  }

  // A tiny chunk without a line end only waits; any other is decoded together with what waited.
  #joined(bytes: Uint8Array, last: number): string {
    const need = this.#pendingLength + bytes.length;
    if (need > this.#pending.length) {
      const grown = new Uint8Array(need * 2); // doubling keeps a long line's many chunks linear
      grown.set(this.#pending);
      this.#pending = grown;
    }
    this.#pending.set(bytes, this.#pendingLength);
    // Bytes never decode to more code units than there are bytes: below the cap they can wait, past it they are counted.
    const wait = last < 0 && need < MAX_PENDING_BYTES && this.#rest.length + need <= this.#maxLine;
    this.#pendingLength = wait ? need : 0;
    return wait ? '' : this.#utf8.decode(this.#pending.subarray(0, need), STREAM);
  }

  #find(text: string, char: string, from: number): number {
    const at = text.indexOf(char, from);
    return at < 0 ? text.length : at;
  }
}

/**
 * Creates a WHATWG event-stream interpreter. A chunk with a line end is decoded whole by one
 * streaming TextDecoder (split characters carry over; invalid UTF-8 → U+FFFD), lines are found
 * with indexOf, and only an unfinished line is carried to the next chunk; a chunk without any
 * line end just waits as bytes. Strings are accepted too (they are encoded to UTF-8 first; a
 * surrogate pair split between two string chunks stays one character). A line or an event's
 * data longer than its cap (`options`, 16 Mi code units each by default) makes `push` throw a
 * `too-large` RillError, so memory stays bounded whatever the server sends.
 *
 * @example
 * const decoder = createSSEDecoder({ onEvent: (e) => console.log(e.event, e.data) }, { maxEventLength: 1 << 20 });
 * decoder.push(new TextEncoder().encode('event: ping\ndata: {}\n\n'));
 * decoder.end();
 */
export function createSSEDecoder(handlers: SSEHandlers, options: SSEDecoderOptions = {}): SSEDecoder {
  return new Decoder(handlers, options);
}
