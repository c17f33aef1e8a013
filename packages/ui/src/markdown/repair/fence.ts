const OPENER = /^ {0,3}(`{3,}|~{3,})/;

/**
 * For a block that is a fenced code block still open, drops a closing fence caught half-written
 * (a lone `` ` `` or ` `` `), which would otherwise flash as code. Returns `undefined` for any
 * other block.
 *
 * @example
 * repairOpenFence('```js\nlet a = 1;\n``'); // '```js\nlet a = 1;\n'
 */
export function repairOpenFence(block: string): string | undefined {
  const opener = OPENER.exec(block)?.[1];
  if (opener === undefined) return undefined;
  const char = opener[0] ?? '`';
  const lines = block.split('\n');
  const closes = (line: string) => new RegExp(`^ {0,3}\\${char}{${opener.length},}\\s*$`).test(line);
  if (lines.slice(1).some(closes)) return undefined;
  const last = lines[lines.length - 1] ?? '';
  if (lines.length > 1 && new RegExp(`^ {0,3}\\${char}+$`).test(last)) return block.slice(0, block.length - last.length);
  return block;
}
