// Long Markdown as models write it, generated so the bench needs no fixture files.

/** One paragraph of about `size` characters: prose lines (soft breaks, no blank line) with inline constructs. */
export function longParagraph(size: number): string {
  const lines: string[] = [];
  for (let i = 0, length = 0; length < size; i++) {
    const line = `Line ${i} of a long paragraph, with **bold words**, \`inline code\`, a [link](https://example.com/${i}) and _emphasis_ that goes on.`;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

/** One fenced code block of about `size` characters, left open (the closing fence has not arrived). */
export function longFence(size: number): string {
  const lines = ['```ts'];
  for (let i = 0, length = 6; length < size; i++) {
    const line =
      i % 8 === 0
        ? `// step ${i}: \`template\` lines, *stars* and [brackets] are code too`
        : `const value${i} = compute(alpha, beta, gamma) + ${i}; // running total`;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

const section = (i: number): string => `## Section ${i}: what changed

The stream for request ${i} carried **${i % 7} retries** and a \`Retry-After\` of ${i % 5} s; the relay kept
every event, so a reload resumed at event ${i * 13} without asking the model again. See [the guide](https://example.com/guide/${i})
for the wire format, and _do not_ drop the connection while a tool call is pending.

- one item for ${i}
- another with \`code ${i}\`
- [x] a finished task

\`\`\`ts
const run${i} = await startRun({ url: '/api/chat', attempt: ${i} });
for await (const event of run${i}.events) log(event.id, event.type);
\`\`\`

| provider | events | retries |
| --- | --- | --- |
| Anthropic | ${i * 3} | ${i % 7} |
| OpenAI | ${i * 2} | ${i % 3} |

`;

/** A long answer (headings, paragraphs, lists, code, tables) of about `size` characters. */
export function longAnswer(size: number): string {
  let text = '';
  for (let i = 0; text.length < size; i++) text += section(i);
  return text;
}

/** `text` in the pieces a model streams (4 to 10 characters, 7 on average), `tokens` of them at most. */
export function tokenPieces(text: string, tokens: number): string[] {
  const pieces: string[] = [];
  for (let at = 0, i = 0; at < text.length && i < tokens; i++) {
    const size = 4 + (i % 7);
    pieces.push(text.slice(at, at + size));
    at += size;
  }
  return pieces;
}

/** TypeScript of about `size` characters as a model writes it: imports, types, functions, strings, templates, comments. */
export function longTypeScript(size: number): string {
  let code = "import { createStream, type StreamOptions } from './stream.js';\n";
  for (let i = 0; code.length < size; i++) {
    code += `
/** Retries request ${i} with backoff; gives up after \`attempts\` tries. */
export interface Retry${i} extends StreamOptions {
  readonly attempts: number;
  delay?: (attempt: number) => number; // milliseconds
}

export async function retry${i}<T>(run: () => Promise<T>, { attempts, delay = (n) => 2 ** n * 100 }: Retry${i}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error: unknown) {
      if (attempt + 1 >= attempts) throw new Error(\`request ${i} failed after \${attempts} attempts\`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, delay(attempt)));
    }
  }
}
`;
  }
  return code;
}
