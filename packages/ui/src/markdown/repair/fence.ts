// A fence line, also inside a quote or a list item (`> ```js`, `   ```sh`, `1. ```sh`).
const OPENER = /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?(`{3,}|~{3,})(.*)$/;
const PREFIX = String.raw`^[ \t>]*`;
// Inline content starts anew after a blank line, and at a list item or table row.
const BLANK = /^[ \t>]*$/;
const NEW_INLINE = /^[ \t]*(?:[-+*][ \t]|\d{1,9}[.)][ \t]|\|)/;

/** A fenced code block left open at the end of a block. */
export interface OpenFence {
  /** Index of the start of its opening line. */
  at: number;
  /** The fence, e.g. ```` ``` ```` or `~~~~`. */
  fence: string;
}

/**
 * Finds where the inline content being written starts in a block (after the last blank line,
 * list item or table row start, or closed fence: emphasis never spans those), and a fenced code
 * block opened anywhere after it (a list item or quote can hold one) and not closed yet.
 *
 * @example
 * findOpenContent('1. Run:\n\n   ```sh\n   ls'); // { at: 9, fence: { at: 9, fence: '```' } }
 */
export function findOpenContent(block: string): { at: number; fence: OpenFence | undefined } {
  let at = 0;
  let open: (OpenFence & { closes: RegExp }) | undefined;
  let lineStart = 0;
  while (lineStart <= block.length) {
    const newline = block.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? block.length : newline;
    const line = block.slice(lineStart, lineEnd);
    const [, fence, info] = open ? [] : (OPENER.exec(line) ?? []);
    if (open) {
      if (open.closes.test(line)) {
        open = undefined;
        at = lineEnd + 1;
      }
    } else if (fence !== undefined && !(fence.startsWith('`') && info?.includes('`'))) {
      // A backtick fence's info string has no backtick: ```` ```a``` ```` is inline code.
      open = { at: lineStart, fence, closes: new RegExp(`${PREFIX}\\${fence[0] ?? '`'}{${fence.length},}[ \\t]*$`) };
    } else if (newline !== -1 && BLANK.test(line)) {
      at = lineEnd + 1;
    } else if (NEW_INLINE.test(line)) {
      at = lineStart;
    }
    lineStart = lineEnd + 1;
  }
  return { at: Math.min(at, block.length), fence: open && { at: open.at, fence: open.fence } };
}

/**
 * The code of an open fenced block (from its opening line on) without a closing fence caught
 * half-written (a lone `` ` `` or ` `` `), which would otherwise flash as code.
 *
 * @example
 * repairOpenFence('```js\nlet a = 1;\n``', '```'); // '```js\nlet a = 1;\n'
 */
export function repairOpenFence(code: string, fence: string): string {
  const lastLine = code.slice(code.lastIndexOf('\n') + 1);
  const halfCloser = new RegExp(`${PREFIX}\\${fence[0] ?? '`'}+[ \\t]*$`);
  return lastLine !== code && halfCloser.test(lastLine) ? code.slice(0, code.length - lastLine.length) : code;
}
