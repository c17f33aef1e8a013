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

/** A push-driven decoder: feed it chunks, then call `end()` once. */
export interface SSEDecoder {
  push(chunk: Uint8Array | string): void;
  /** The stream ended: an unterminated line and an event still open are discarded, as the spec says. */
  end(): void;
}

const LF = 10;
const CR = 13;
const COLON = 58;
const SPACE = 32;

/**
 * Creates a WHATWG event-stream interpreter that works on bytes: it finds line ends in each new
 * chunk, keeps only the unfinished line, and decodes each field value once (invalid UTF-8 → U+FFFD).
 * Strings are accepted too (they are encoded to UTF-8 first).
 *
 * @example
 * const decoder = createSSEDecoder({ onEvent: (e) => console.log(e.event, e.data) });
 * decoder.push(new TextEncoder().encode('event: ping\ndata: {}\n\n'));
 * decoder.end();
 */
export function createSSEDecoder(handlers: SSEHandlers): SSEDecoder {
  // ignoreBOM: we decode line by line, and only the stream's first BOM may be stripped.
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  const encoder = new TextEncoder();
  let pending = new Uint8Array(256);
  let pendingLength = 0;
  let afterCR = false;
  let firstLine = true;
  let data = '';
  let hasData = false;
  let eventType = '';
  let lastId = '';

  const text = (bytes: Uint8Array, start: number, end: number): string => {
    // Most values are short ASCII; building them directly skips a TextDecoder call per line.
    if (end - start < 24) {
      let s = '';
      for (let i = start; i < end; i++) {
        const b = bytes[i] as number;
        if (b > 127) return utf8.decode(bytes.subarray(start, end));
        s += String.fromCharCode(b);
      }
      return s;
    }
    return utf8.decode(bytes.subarray(start, end));
  };

  const is = (bytes: Uint8Array, start: number, end: number, name: string): boolean => {
    if (end - start !== name.length) return false;
    for (let i = 0; i < name.length; i++) if (bytes[start + i] !== name.charCodeAt(i)) return false;
    return true;
  };

  const dispatch = (): void => {
    if (hasData) handlers.onEvent({ event: eventType || 'message', data, id: lastId });
    data = '';
    hasData = false;
    eventType = '';
  };

  const line = (bytes: Uint8Array, start: number, end: number): void => {
    if (firstLine) {
      firstLine = false;
      if (end - start >= 3 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) start += 3;
    }
    if (start === end) return dispatch();
    let colon = start;
    while (colon < end && bytes[colon] !== COLON) colon++;
    let value = colon + 1;
    if (value < end && bytes[value] === SPACE) value++;
    if (value > end) value = end;
    if (colon === start) {
      handlers.onComment?.(text(bytes, value, end));
    } else if (is(bytes, start, colon, 'data')) {
      const v = text(bytes, value, end);
      data = hasData ? data + '\n' + v : v;
      hasData = true;
    } else if (is(bytes, start, colon, 'event')) {
      eventType = text(bytes, value, end);
    } else if (is(bytes, start, colon, 'id')) {
      if (bytes.subarray(value, end).indexOf(0) < 0) lastId = text(bytes, value, end);
    } else if (is(bytes, start, colon, 'retry') && value < end && handlers.onRetry) {
      let ms = 0;
      for (let i = value; i < end; i++) {
        const digit = (bytes[i] as number) - 48;
        if (digit < 0 || digit > 9) return;
        ms = ms * 10 + digit;
      }
      handlers.onRetry(ms);
    }
  };

  const keep = (bytes: Uint8Array, start: number): void => {
    const need = pendingLength + bytes.length - start;
    if (need > pending.length) {
      const grown = new Uint8Array(Math.max(need, pending.length * 2));
      grown.set(pending.subarray(0, pendingLength));
      pending = grown;
    }
    pending.set(bytes.subarray(start), pendingLength);
    pendingLength = need;
  };

  return {
    push(chunk) {
      const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
      const length = bytes.length;
      let start = 0;
      if (afterCR && bytes[0] === LF) start = 1; // the LF of a CRLF split across chunks
      if (length) afterCR = false;
      // Next LF / CR positions are cached so each byte is scanned once (-1: none left in this chunk).
      let nextLF = bytes.indexOf(LF, start);
      let nextCR = bytes.indexOf(CR, start);
      while (start < length) {
        if (nextLF >= 0 && nextLF < start) nextLF = bytes.indexOf(LF, start);
        if (nextCR >= 0 && nextCR < start) nextCR = bytes.indexOf(CR, start);
        const end = nextCR < 0 ? nextLF : nextLF < 0 ? nextCR : Math.min(nextLF, nextCR);
        if (end < 0) return keep(bytes, start);
        if (pendingLength) {
          keep(bytes.subarray(0, end), start);
          const lineLength = pendingLength;
          pendingLength = 0;
          line(pending, 0, lineLength);
        } else {
          line(bytes, start, end);
        }
        start = end + 1;
        if (bytes[end] === CR) {
          if (start === length) afterCR = true;
          else if (bytes[start] === LF) start++;
        }
      }
    },
    end() {
      pendingLength = 0;
      afterCR = false;
      data = '';
      hasData = false;
      eventType = '';
    },
  };
}
