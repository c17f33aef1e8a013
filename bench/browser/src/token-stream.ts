// The mock model every variant reads: `rate` tokens per second for `seconds`, paced by the clock
// (each chunk carries the tokens due since the last one, as a fast model's network chunks do).

/** One token of the answer: words, with a paragraph break every 60 tokens, as model prose has. */
export const token = (i: number): string => (i % 60 === 59 ? `w${i % 97}.\n\n` : `w${i % 97} `);

/** The whole answer `count` tokens make, to check that a variant received all of it. */
export const answerText = (count: number): string => Array.from({ length: count }, (_, i) => token(i)).join('');

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

/** How fast and for how long the mock model streams. */
export interface Pace {
  rate: number;
  seconds: number;
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
          for (; sent < due; sent++) chunk += sse(wire.event(token(sent)));
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
