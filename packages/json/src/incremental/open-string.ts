// Recent pieces are flattened into one block once they reach this many characters (so O(1) per character).
const BLOCK_LENGTH = 16 * 1024;

/**
 * The same string as one flat piece. Built by `+=` across chunks and escapes, V8 keeps a string as
 * a chain of pieces (about 3x its flat size); reading a character flattens it in place, so the
 * value kept in the tree is as compact as JSON.parse's.
 */
function flatten(text: string): string {
  text.charCodeAt(0);
  return text;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * The string being parsed, shown at O(1) however long it is. Reading any character of a V8 rope
 * copies the whole string into one flat piece, so `visible()` never reads one: the text is kept as
 * a rope of flat 16 KiB blocks (a rope of 4-character pieces is ~15x the flat size) plus the
 * pieces since the last block, and a trailing high surrogate waits outside it for its pair.
 *
 * @example
 * const s = new OpenString(); s.append('ab\uD83D'); s.visible(); // 'ab'
 * s.append('\uDE00'); s.finish(); // 'ab😀' (flat)
 */
export class OpenString {
  /** Flat blocks, joined as a rope. */
  private blocks = '';
  /** The pieces appended since the last block. */
  private tail = '';
  /** A high surrogate that ended the last piece, or ''. */
  private held = '';

  /** Starts a new, empty string. */
  reset(): void {
    this.blocks = '';
    this.tail = '';
    this.held = '';
  }

  /** Appends `piece`, reading only its own characters. */
  append(piece: string): void {
    if (piece === '') return;
    const text = this.held + piece;
    const waits = isHighSurrogate(text.charCodeAt(text.length - 1));
    this.held = waits ? text.slice(-1) : '';
    this.tail += waits ? text.slice(0, -1) : text;
    if (this.tail.length >= BLOCK_LENGTH) {
      this.blocks += flatten(this.tail);
      this.tail = '';
    }
  }

  /** The string so far without a half surrogate pair, as a rope: O(1), no character is read. */
  visible(): string {
    return this.blocks + this.tail;
  }

  /** The whole string (a lone trailing high surrogate included), as one flat piece. */
  finish(): string {
    return flatten(this.blocks + this.tail + this.held);
  }
}
