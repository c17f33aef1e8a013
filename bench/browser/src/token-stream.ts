// The mock model every variant reads: `rate` tokens per second for `seconds`, paced by the clock
// (each chunk carries the tokens due since the last one, as a fast model's network chunks do).

/** What the answer is: prose, or one TypeScript code block that streams to the end (syntax-highlighted by Rill). */
export type Content = 'prose' | 'code';

// The code answer: an open ```ts fence, then lines of TypeScript, cut into 6-character tokens.
const CODE_TOKEN = 6;
let code = '```ts\n';
function codeUpTo(length: number): string {
  for (let n = 0; code.length < length; n++)
    code += `export async function load${n}(table: Table<Row>, id = ${n}): Promise<Row | undefined> {\n  const row = await table.get(\`row-\${id}\`); // row ${n}\n  return row?.visible ? { ...row, seen: true } : undefined;\n}\n\n`;
  return code;
}

/** One token of the answer: prose words with a paragraph break every 60 tokens, or 6 characters of code. */
export const token = (i: number, content: Content = 'prose'): string =>
  content === 'code'
    ? codeUpTo((i + 1) * CODE_TOKEN).slice(i * CODE_TOKEN, (i + 1) * CODE_TOKEN)
    : i % 60 === 59
      ? `w${i % 97}.\n\n`
      : `w${i % 97} `;

/** The whole answer `count` tokens make, to check that a variant received all of it. */
export const answerText = (count: number, content: Content = 'prose'): string =>
  Array.from({ length: count }, (_, i) => token(i, content)).join('');

const encoder = new TextEncoder();
const sse = (data: string) => `data: ${data}\n\n`;

/** Wire formats the variants read: OpenAI Chat (Rill and the naive page) and AI SDK UI messages. */
export const formats = {
  'openai-chat': {
    head: [] as string[],
    event: (text: string) =>
      JSON.stringify({
        id: 'c',
        object: 'chat.completion.chunk',
        model: 'm',
        choices: [{ index: 0, delta: { content: text }, finish_reason: null }],
      }),
    tail: [
      JSON.stringify({
        id: 'c',
        object: 'chat.completion.chunk',
        model: 'm',
        choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
      }),
      '[DONE]',
    ],
    headers: {} as Record<string, string>,
  },
  'ai-sdk-ui': {
    head: [
      JSON.stringify({ type: 'start', messageId: 'm1' }),
      JSON.stringify({ type: 'start-step' }),
      JSON.stringify({ type: 'text-start', id: 't' }),
    ],
    event: (text: string) => JSON.stringify({ type: 'text-delta', id: 't', delta: text }),
    tail: [
      JSON.stringify({ type: 'text-end', id: 't' }),
      JSON.stringify({ type: 'finish-step' }),
      JSON.stringify({ type: 'finish' }),
      '[DONE]',
    ],
    headers: { 'x-vercel-ai-ui-message-stream': 'v1' } as Record<string, string>,
  },
};

/** How fast and for how long the mock model streams, and what. */
export interface Pace {
  rate: number;
  seconds: number;
  content?: Content;
}

/**
 * A `fetch` answering every request with the paced token stream in `format`; one token per SSE event.
 *
 * @example useChat({ provider: 'openai-chat', url: '/chat', model: 'm', fetch: pacedFetch('openai-chat', { rate: 2000, seconds: 20 }) });
 */
export function pacedFetch(format: keyof typeof formats, pace: Pace): typeof fetch {
  const wire = formats[format];
  const total = Math.round(pace.rate * pace.seconds);
  return async () => {
    let sent = 0;
    let started = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        started = performance.now();
        controller.enqueue(encoder.encode(wire.head.map(sse).join('')));
      },
      async pull(controller) {
        // Resolve only with bytes: a pull that enqueues nothing is not called again.
        let chunk = '';
        while (chunk === '') {
          // The browser clamps timers to ~4 ms, so each chunk carries every token due by now.
          await new Promise((resolve) => setTimeout(resolve, 4));
          const due = Math.min(total, Math.floor(((performance.now() - started) * pace.rate) / 1000));
          for (; sent < due; sent++) chunk += sse(wire.event(token(sent, pace.content)));
        }
        if (sent === total) {
          controller.enqueue(encoder.encode(chunk + wire.tail.map(sse).join('')));
          controller.close();
        } else controller.enqueue(encoder.encode(chunk));
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream', ...wire.headers } });
  };
}
