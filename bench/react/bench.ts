// Commits and main-thread CPU per 1,000 tokens: Rill's useStream vs a naive setState per token vs
// @ai-sdk/react's useChat (default settings), all on the same mock stream, in jsdom with real frames.
import { formats } from '../browser/src/token-stream.js';
import { installJsdom } from '../jsdom-globals.js';
import { median } from '../median.js';
import { tiny } from '../tiny.js';

const dom = installJsdom();

const { createElement, Profiler, useEffect, useState } = await import('react');
const { createRoot } = await import('react-dom/client');
const { useStream } = await import('@rill/react');
const { decodeProvider, readSSE } = await import('@rill/core');
const { useChat } = await import('@ai-sdk/react');
const { DefaultChatTransport } = await import('ai');

const TOKENS = tiny ? 200 : 2000;
const PER_CHUNK = 8; // tokens per network chunk; chunks arrive back to back, as from a fast model
const RUNS = tiny ? 1 : 5;
const encoder = new TextEncoder();

/** A stream of `events` SSE data lines, PER_CHUNK events per chunk, one chunk per macrotask. */
function sseResponse(events: string[], headers: Record<string, string> = {}): Response {
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (i >= events.length) return controller.close();
      controller.enqueue(
        encoder.encode(
          events
            .slice(i, i + PER_CHUNK)
            .map((e) => `data: ${e}\n\n`)
            .join(''),
        ),
      );
      i += PER_CHUNK;
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream', ...headers } });
}

const words = Array.from({ length: TOKENS }, (_, i) => `w${i % 97} `);
// The same two wire formats the browser bench's mock model speaks.
const wire = (format: keyof typeof formats): string[] => {
  const { head, event, tail } = formats[format];
  return [...head, ...words.map(event), ...tail];
};
const openaiEvents = wire('openai-chat');
const uiEvents = wire('ai-sdk-ui');
const expected = words.join('');

interface Result {
  commits: number;
  cpuMs: number;
}

/** Mounts `Component`, which calls `done(text)` once its whole text is committed; counts commits and CPU. */
async function measure(Component: (props: { done: (text: string) => void }) => unknown): Promise<Result> {
  const container = dom.window.document.createElement('div');
  const root = createRoot(container);
  let commits = 0;
  const cpu = process.cpuUsage();
  await new Promise<void>((resolve, reject) => {
    const done = (text: string) =>
      text === expected ? resolve() : reject(new Error(`incomplete text: ${text.length} of ${expected.length}`));
    root.render(
      createElement(
        Profiler,
        { id: 'bench', onRender: () => (commits += 1) },
        createElement(Component as never, { done }),
      ),
    );
  });
  const used = process.cpuUsage(cpu);
  root.unmount();
  return { commits, cpuMs: (used.user + used.system) / 1000 };
}

function RillStream({ done }: { done: (text: string) => void }) {
  const { text, status } = useStream({
    url: 'http://bench/chat',
    provider: 'openai-chat',
    fetch: async () => sseResponse(openaiEvents),
    autoStart: true,
  });
  useEffect(() => {
    if (status === 'done') done(text);
  }, [status, text, done]);
  return createElement('p', null, text);
}

function NaiveSetState({ done }: { done: (text: string) => void }) {
  const [text, setText] = useState('');
  const [finished, setFinished] = useState(false);
  useEffect(() => {
    void (async () => {
      for await (const part of decodeProvider('openai-chat', readSSE(sseResponse(openaiEvents)))) {
        if (part.type === 'text-delta') setText((t) => t + part.delta);
      }
      setFinished(true);
    })();
  }, []);
  useEffect(() => {
    if (finished) done(text);
  }, [finished, text, done]);
  return createElement('p', null, text);
}

function AiSdkChat({ done }: { done: (text: string) => void }) {
  const [transport] = useState(
    () =>
      new DefaultChatTransport({
        api: 'http://bench/chat',
        fetch: async () => sseResponse(uiEvents, { 'x-vercel-ai-ui-message-stream': 'v1' }),
      }),
  );
  const { messages, status, sendMessage } = useChat({ transport });
  const last = messages[messages.length - 1];
  const text = last?.role === 'assistant' ? last.parts.map((p) => (p.type === 'text' ? p.text : '')).join('') : '';
  useEffect(() => {
    void sendMessage({ text: 'go' });
  }, [sendMessage]);
  useEffect(() => {
    if (status === 'ready' && text !== '') done(text);
  }, [status, text, done]);
  return createElement('p', null, text);
}

const contenders = {
  'rill useStream': RillStream,
  'naive setState/token': NaiveSetState,
  '@ai-sdk/react useChat': AiSdkChat,
} as const;
const results: Record<string, Result> = {};
for (const [name, Component] of Object.entries(contenders)) {
  await measure(Component); // warm-up
  const runs: Result[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(Component));
  results[name] = { commits: median(runs.map((r) => r.commits)), cpuMs: median(runs.map((r) => r.cpuMs)) };
}

const per1k = (x: number) => (x * 1000) / TOKENS;
const rill = results['rill useStream'] as Result;
console.log(`${TOKENS} tokens, ${PER_CHUNK} per chunk, medians of ${RUNS} runs; per 1,000 tokens:`);
for (const [name, r] of Object.entries(results)) {
  const ratio =
    name === 'rill useStream'
      ? ''
      : `  -> rill makes ${(r.commits / rill.commits).toFixed(1)}x fewer commits, uses ${(r.cpuMs / rill.cpuMs).toFixed(2)}x less CPU`;
  console.log(
    `  ${name.padEnd(24)} ${per1k(r.commits).toFixed(0).padStart(5)} commits  ${per1k(r.cpuMs).toFixed(1).padStart(7)} ms CPU${ratio}`,
  );
}
process.exit(0);
