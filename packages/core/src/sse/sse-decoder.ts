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
    let text = last < 0 || this.#pendingLength ? this.#joined(bytes, last) : this.#utf8.decode(bytes, STREAM);
    if (!text) return;
    let from = this.#afterCR && text.charCodeAt(0) === LF ? 1 : 0; // the LF of a CRLF split across chunks
    this.#afterCR = text.charCodeAt(text.length - 1) === CR;
    // CRLF and CR become LF (one scan per chunk, what servers send has none): the lines are then found with one indexOf each.
    if (text.includes('\r')) text = text.replace(CR_ENDS, '\n');
    if (this.#rest) {
      // #rest is only left by a chunk that did not end in a CR, so `from` is 0 here.
      const end = text.indexOf('\n');
      // Still no line end: grow the unfinished line (ropes, so a long line stays linear).
      if (end < 0) {
        if (this.#rest.length + text.length > this.#maxLine) this.#tooLarge('line');
        return void (this.#rest += text);
      }
      // Only the line begun in an earlier chunk is concatenated, never the whole chunk.
      this.#lines(this.#rest + text.slice(0, (from = end + 1)), 0);
    }
    from = this.#lines(text, from);
    if (text.length - from > this.#maxLine) this.#tooLarge('line');
    this.#rest = text.slice(from);
  }

  end(): void {
    this.#utf8.decode(); // flushes: a character cut short is dropped with the unterminated line
    this.#highSurrogate = this.#rest = this.#data = this.#eventType = '';
    this.#pendingLength = 0;
    this.#afterCR = this.#hasData = false;
  }

  // Interprets the LF-ended lines of `text` from `from`; returns where its unfinished last line starts. The event
  // being built stays in locals, and `data:…\n\n` dispatches without a search for its blank line.
  #lines(text: string, from: number): number {
    let data = this.#data;
    let hasData = this.#hasData;
    let type = this.#eventType;
    const maxLine = this.#maxLine;
    for (let end = text.indexOf('\n', from); end >= 0; end = text.indexOf('\n', from)) {
      if (end - from > maxLine) this.#tooLarge('line');
      let next = end + 1;
      // Which field the line sets (0: dispatch or none of these) and where its value starts.
      let field = 0;
      let value = from;
      if (end === from) {
        if (hasData) this.#handlers.onEvent({ event: type || 'message', data, id: this.#lastId });
        data = type = '';
        hasData = false;
      } else if (isName(text, from, DATA)) {
        field = 1;
        value = from + 5;
      } else if (isName(text, from, EVENT)) {
        field = 2;
        value = from + 6;
      } else {
        // A field without the usual `name:` form, a comment, an id or a retry: rare, so the line is sliced.
        const colon = text.indexOf(':', from);
        const name = text.slice(from, colon < 0 || colon > end ? end : colon);
        value = from + name.length + 1;
        field = name === 'data' ? 1 : name === 'event' ? 2 : 0;
        if (!field) this.#field(name, text.slice(value + +(text.charCodeAt(value) === 32 && value < end), end));
      }
      if (field) {
        // text[end] is a line end, so it is never the optional space.
        const v = text.slice(text.charCodeAt(value) === 32 ? value + 1 : value, end);
        if (field === 2) type = v;
        else {
          if ((hasData ? data.length + 1 : 0) + v.length > this.#maxEvent) this.#tooLarge('event');
          data = hasData ? data + '\n' + v : v;
          hasData = true;
          if (text.charCodeAt(next) === LF) {
            this.#handlers.onEvent({ event: type || 'message', data, id: this.#lastId });
            data = type = '';
            hasData = false;
            next++;
          }
        }
      }
      from = next;
    }
    this.#data = data;
    this.#hasData = hasData;
    this.#eventType = type;
    return from;
  }

  // The fields that do not build the event: comments (name ''), id and retry; others are ignored, as the spec says.
  #field(name: string, value: string): void {
    if (!name) this.#handlers.onComment?.(value);
    else if (name === 'id') {
      if (!value.includes('\0')) this.#lastId = value;
    } else if (name === 'retry' && /^\d+$/.test(value)) this.#handlers.onRetry?.(Number(value));
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
    if (last < 0 && need < MAX_PENDING_BYTES && this.#rest.length + need <= this.#maxLine) {
      this.#pendingLength = need;
      return '';
    }
    // A tiny chunk is decoded up to its last line end and the bytes after it wait: the text ends at a line end, so
    // token-sized chunks never join lines as strings (and the line loop stays on flat strings).
    const cut = last < 0 ? need : this.#pendingLength + last + 1;
    const text = this.#utf8.decode(this.#pending.subarray(0, cut), STREAM);
    this.#pending.copyWithin(0, cut, need);
    this.#pendingLength = need - cut;
    return text;
  }
}

const DATA = [100, 97, 116, 97, 58]; // "data:"
const EVENT = [101, 118, 101, 110, 116, 58]; // "event:"
const CR_ENDS = /\r\n?/g;

// Whether the line at `from` starts with `name` (char codes): a loop the JIT unrolls, not a startsWith call.
function isName(text: string, from: number, name: number[]): boolean {
  for (let i = 0; i < name.length; i++) if (text.charCodeAt(from + i) !== name[i]) return false;
  return true;
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
