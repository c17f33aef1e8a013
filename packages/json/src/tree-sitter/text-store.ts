/** Largest piece handed to tree-sitter per read: its input buffer holds 10 KiB of UTF-16. */
const MAX_READ = 4096;

/**
 * Append-only text kept as a few blocks whose sizes halve from first to last, so reading any
 * offset never flattens everything received (total copying stays O(n log n), not O(n) per read).
 *
 * @example
 * const store = new TextStore(); store.append('{"a"'); store.append(':1}');
 * store.slice(1, 4); // '"a"'
 */
export class TextStore {
  private readonly blocks: string[] = [];
  private readonly starts: number[] = [];
  length = 0;

  /** Adds a chunk at the end. @example store.append('[1,') */
  append(chunk: string): void {
    if (chunk === '') return;
    this.blocks.push(chunk);
    this.starts.push(this.length);
    this.length += chunk.length;
    // Merge like a binary counter: a block is never smaller than the one after it.
    while (this.blocks.length > 1) {
      const last = this.blocks[this.blocks.length - 1] ?? '';
      const previous = this.blocks[this.blocks.length - 2] ?? '';
      if (previous.length > last.length) break;
      this.blocks.pop();
      this.starts.pop();
      this.blocks[this.blocks.length - 1] = previous + last;
    }
  }

  /** Text from `index` to at most the end of its block (tree-sitter's input callback). @example store.read(0) */
  read(index: number): string | undefined {
    const block = this.blockAt(index);
    if (block < 0) return undefined;
    const offset = index - (this.starts[block] ?? 0);
    return this.blocks[block]?.slice(offset, offset + MAX_READ);
  }

  /** The characters in [start, end). @example store.slice(0, 2) */
  slice(start: number, end: number): string {
    let result = '';
    for (let index = start; index < end;) {
      const block = this.blockAt(index);
      if (block < 0) break;
      const blockStart = this.starts[block] ?? 0;
      const text = this.blocks[block] ?? '';
      const piece = text.slice(index - blockStart, Math.min(text.length, end - blockStart));
      result += piece;
      index += piece.length;
    }
    return result;
  }

  /** The UTF-16 code at `index`, or NaN past the end. @example store.charCodeAt(0) === 0x7b */
  charCodeAt(index: number): number {
    const block = this.blockAt(index);
    if (block < 0) return Number.NaN;
    return (this.blocks[block] ?? '').charCodeAt(index - (this.starts[block] ?? 0));
  }

  private blockAt(index: number): number {
    if (index < 0 || index >= this.length) return -1;
    // Blocks number O(log n), newest reads are the common case: scan from the end.
    for (let block = this.starts.length - 1; block >= 0; block--) {
      if ((this.starts[block] ?? 0) <= index) return block;
    }
    return -1;
  }
}
