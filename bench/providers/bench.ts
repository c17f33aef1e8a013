// `pnpm bench providers`: provider decoding + message accumulation: throughput, how cost grows with size, and tool-call
// input with a snapshot per delta against re-parsing the whole argument text each time (the `ai` UI way).
import { accumulate, decodeProvider, readSSE } from '@rill/core';
import { parsePartialJson } from 'ai';
import { tiny } from '../tiny.js';

const encoder = new TextEncoder();

function anthropicBody(textChars: number, toolChars: number): Uint8Array {
  const lines: string[] = [];
  const event = (type: string, data: object) =>
    lines.push(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
  event('message_start', { message: { id: 'msg', model: 'bench', usage: { input_tokens: 1, output_tokens: 1 } } });
  event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
  const text = 'Streaming text, one small piece at a time. '.repeat(Math.ceil(textChars / 44)).slice(0, textChars);
  for (let i = 0; i < text.length; i += 16)
    event('content_block_delta', { index: 0, delta: { type: 'text_delta', text: text.slice(i, i + 16) } });
  event('content_block_stop', { index: 0 });
  event('content_block_start', {
    index: 1,
    content_block: { type: 'tool_use', id: 'toolu', name: 'write', input: {} },
  });
  const args = toolArguments(toolChars);
  for (let i = 0; i < args.length; i += 8)
    event('content_block_delta', { index: 1, delta: { type: 'input_json_delta', partial_json: args.slice(i, i + 8) } });
  event('content_block_stop', { index: 1 });
  event('message_delta', { delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 9 } });
  event('message_stop', {});
  return encoder.encode(lines.join(''));
}

function toolArguments(chars: number): string {
  const rows: object[] = [];
  while (JSON.stringify({ rows }).length < chars)
    rows.push({ id: rows.length, name: `row ${rows.length}`, tags: ['a', 'b'], ok: true });
  return JSON.stringify({ rows });
}

function body(bytes: Uint8Array, chunk = 4096): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, (at += chunk)));
    },
  });
}

async function median(runs: number, f: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
}

const decodeAll = (bytes: Uint8Array, snapshots: boolean) =>
  accumulate(decodeProvider('anthropic', readSSE(body(bytes))), snapshots ? () => {} : undefined);

console.log('decodeProvider + accumulate (anthropic, 16-char text deltas, 8-char tool deltas, 4 KiB chunks)');
// Warm the JIT first, so the smaller size is not measured cold.
for (let i = 0; i < (tiny ? 1 : 10); i++) await decodeAll(anthropicBody(50_000, 10_000), true);
let previous: { size: number; ms: number } | undefined;
for (const kb of tiny ? [10, 20] : [100, 1000]) {
  const bytes = anthropicBody(kb * 1024 * 0.5, kb * 1024 * 0.1);
  const ms = await median(5, () => decodeAll(bytes, true));
  const growth =
    previous === undefined
      ? ''
      : `, cost grows as size^${(Math.log(ms / previous.ms) / Math.log(bytes.length / previous.size)).toFixed(2)}`;
  console.log(
    `  ${(bytes.length / 1e6).toFixed(2)} MB wire: ${ms.toFixed(1)} ms, ${(bytes.length / 1e3 / ms).toFixed(1)} MB/s with a snapshot per part${growth}`,
  );
  previous = { size: bytes.length, ms };
}

console.log('tool-call input, snapshot after every 8-char delta');
for (const kb of tiny ? [1, 2] : [10, 50]) {
  const args = toolArguments(kb * 1024);
  const deltas: string[] = [];
  for (let i = 0; i < args.length; i += 8) deltas.push(args.slice(i, i + 8));
  const bytes = anthropicBody(0, kb * 1024);
  const rill = await median(5, () => decodeAll(bytes, true));
  const reparse = await median(3, async () => {
    let text = '';
    for (const d of deltas) {
      text += d;
      await parsePartialJson(text);
    }
  });
  console.log(
    `  ${kb} KB arguments: rill (whole pipeline) ${rill.toFixed(1)} ms, ai parsePartialJson per delta ${reparse.toFixed(1)} ms, ratio ${(reparse / rill).toFixed(1)}x`,
  );
}
