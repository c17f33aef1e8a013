import { describe, expect, it } from 'vitest';
import { isRillError } from '../errors.js';
import { readSSE, type SSEEvent } from './index.js';

const encoder = new TextEncoder();
const wire = 'event: a\ndata: 1\n\nid: 7\ndata: 2\n\n';
const expected: SSEEvent[] = [
  { event: 'a', data: '1', id: '' },
  { event: 'message', data: '2', id: '7' },
];

/** A body that serves `chunks` one read at a time, then stays open (or closes), and records a cancel. */
function body(chunks: string[], close = true): { stream: ReadableStream<Uint8Array>; cancelled: () => boolean } {
  let cancelled = false;
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[i++];
      if (chunk !== undefined) controller.enqueue(encoder.encode(chunk));
      else if (close) controller.close();
      else return new Promise<void>(() => undefined); // a silent server: the next read never settles on its own
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, cancelled: () => cancelled };
}

async function all(events: AsyncIterable<SSEEvent>): Promise<SSEEvent[]> {
  const out: SSEEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

describe('readSSE', () => {
  it('reads the events of a Response body', async () => {
    expect(await all(readSSE(new Response(wire)))).toEqual(expected);
  });

  it('reads the events of a byte stream split anywhere', async () => {
    const { stream } = body(['event: a\nda', 'ta: 1\n\r', '\nid: 7\ndata: 2\n', '\n']);
    expect(await all(readSSE(stream))).toEqual(expected);
  });

  it('yields nothing for a Response without a body', async () => {
    expect(await all(readSSE(new Response(null)))).toEqual([]);
  });

  it('drops an event left open when the stream ends', async () => {
    expect(await all(readSSE(new Response('data: 1\n\ndata: 2\n')))).toEqual([{ event: 'message', data: '1', id: '' }]);
  });

  it('cancels the body when the consumer stops early', async () => {
    const { stream, cancelled } = body([wire], false);
    for await (const e of readSSE(stream)) {
      expect(e.data).toBe('1');
      break;
    }
    expect(cancelled()).toBe(true);
  });

  it('rejects with an aborted RillError and cancels the body when the signal aborts mid-stream', async () => {
    const { stream, cancelled } = body(['data: 1\n\n'], false);
    const ctl = new AbortController();
    const seen: string[] = [];
    const run = (async () => {
      for await (const e of readSSE(stream, { signal: ctl.signal })) {
        seen.push(e.data);
        setTimeout(() => ctl.abort(), 0); // abort while readSSE waits on a silent server
      }
    })();
    const error: unknown = await run.catch((e: unknown) => e);
    expect(seen).toEqual(['1']);
    expect(isRillError(error) && error.kind).toBe('aborted');
    expect(isRillError(error) && error.retryable).toBe(false);
    expect(cancelled()).toBe(true);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const { stream } = body([wire]);
    const error: unknown = await all(readSSE(stream, { signal: AbortSignal.abort() })).catch((e: unknown) => e);
    expect(isRillError(error) && error.kind).toBe('aborted');
  });

  it('ends with a too-large RillError after the events before a line or event over its cap, and cancels the body', async () => {
    const caps = [
      [{ maxLineLength: 100 }, 'maxLineLength'],
      [{ maxEventLength: 100 }, 'maxEventLength'],
    ] as const;
    for (const [options, option] of caps) {
      // The server stays open: only a cap ends the iteration, in the chunk that also holds event 2
      // (two 66-character data lines make 121 characters of data, then a 151-character comment line).
      const x = (n: number): string => 'x'.repeat(n);
      const { stream, cancelled } = body(
        ['data: 1\n\n', `data: 2\n\ndata: ${x(60)}\ndata: ${x(60)}\n:${x(150)}\n`],
        false,
      );
      const seen: string[] = [];
      const error: unknown = await (async () => {
        for await (const e of readSSE(stream, options)) seen.push(e.data);
      })().catch((e: unknown) => e);
      expect(seen).toEqual(['1', '2']);
      expect(isRillError(error) && [error.kind, error.retryable]).toEqual(['too-large', false]);
      expect(isRillError(error) && error.message).toContain(option);
      expect(cancelled()).toBe(true);
    }
  });

  it('turns a body that breaks into a retryable network RillError', async () => {
    let sent = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new Error('socket hang up'));
        sent = true;
        controller.enqueue(encoder.encode('data: 1\n\n'));
      },
    });
    const seen: string[] = [];
    const error: unknown = await (async () => {
      for await (const e of readSSE(stream)) seen.push(e.data);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['1']);
    expect(isRillError(error) && [error.kind, error.retryable, error.message]).toEqual([
      'network',
      true,
      'Reading the event stream failed: socket hang up',
    ]);
  });
});
