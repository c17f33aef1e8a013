/** One ```ts or ```tsx block of a README, with the hidden code the docs test runs around it. */
export interface ReadmeExample {
  /** The README, relative to the repository root. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: 'ts' | 'tsx';
  /** Why the block is only type-checked (`no-run=<why>`), or undefined when it is also run. */
  noRun: string | undefined;
  /** `hook`: the block is the body of a function component, `Example`, that its driver renders. */
  hook: boolean;
  /** `<!-- prelude: … -->` right before the fence: context the block assumes (imports, declarations). */
  prelude: string;
  code: string;
  /** `<!-- run: … -->` right after the fence: what running the block does and expects. */
  driver: string;
}

const FENCE = /^```(ts|tsx)(?:\s+(.*))?$/;

/** The text of an HTML comment `<!-- name: … -->` that ends on line `end` (or starts on `start`), with its line span. */
function hiddenBlock(
  lines: readonly string[],
  name: string,
  at: number,
  direction: 'before' | 'after',
): { text: string; first: number; last: number } | undefined {
  const open = `<!-- ${name}:`;
  if (direction === 'after') {
    if (!lines[at]?.startsWith(open)) return undefined;
    let last = at;
    while (last < lines.length && !lines[last]?.includes('-->')) last++;
    return {
      text: lines
        .slice(at, last + 1)
        .join('\n')
        .slice(open.length)
        .replace(/-->\s*$/, ''),
      first: at,
      last,
    };
  }
  if (!lines[at]?.trimEnd().endsWith('-->')) return undefined;
  let first = at;
  while (first >= 0 && !lines[first]?.startsWith('<!--')) first--;
  if (!lines[first]?.startsWith(open)) return undefined;
  return {
    text: lines
      .slice(first, at + 1)
      .join('\n')
      .slice(open.length)
      .replace(/-->\s*$/, ''),
    first,
    last: at,
  };
}

/**
 * The ```ts / ```tsx blocks of a Markdown file. Info-string flags: `no-run=<why>` (type-checked,
 * not run: `server`, `browser`, …) and `hook` (a component body). An unknown flag is an error, so a
 * typo never skips a block silently.
 *
 * @example extractExamples('```ts\nconst a = 1;\n```', 'README.md'); // [{ file: 'README.md', line: 1, lang: 'ts', code: 'const a = 1;', … }]
 */
export function extractExamples(markdown: string, file: string): ReadmeExample[] {
  const lines = markdown.split('\n');
  const examples: ReadmeExample[] = [];
  for (let index = 0; index < lines.length; index++) {
    const fence = FENCE.exec(lines[index] ?? '');
    if (!fence) continue;
    let close = index + 1;
    while (close < lines.length && lines[close] !== '```') close++;
    if (close === lines.length) throw new Error(`${file}:${index + 1}: the code block is never closed`);
    let noRun: string | undefined;
    let hook = false;
    for (const flag of (fence[2] ?? '').split(/\s+/).filter(Boolean)) {
      const reason = /^no-run=(\S+)$/.exec(flag)?.[1];
      if (reason !== undefined) noRun = reason;
      else if (flag === 'hook') hook = true;
      else throw new Error(`${file}:${index + 1}: unknown flag "${flag}" (known: no-run=<why>, hook)`);
    }
    const prelude = hiddenBlock(lines, 'prelude', index - 1, 'before');
    const driver = hiddenBlock(lines, 'run', close + 1, 'after');
    if (noRun !== undefined && driver) throw new Error(`${file}:${index + 1}: a no-run block has a run comment`);
    examples.push({
      file,
      line: index + 1,
      lang: fence[1] as 'ts' | 'tsx',
      noRun,
      hook,
      prelude: prelude?.text ?? '',
      code: lines.slice(index + 1, close).join('\n'),
      driver: driver?.text ?? '',
    });
    index = driver?.last ?? close;
  }
  return examples;
}
