// streamSSE's memory over a long stream: what it keeps per event to skip a resume's replay should not grow.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { streamSSE } from '@rill/core';
import { tiny } from '../tiny.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const EVENTS = tiny ? 20_000 : 1_000_000;
const PER_CHUNK = 1_000;

/** An event stream of `count` events with unique ids, made as it is read. */
function eventStream(count: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= count) return controller.close();
      let text = '';
      for (const end = Math.min(count, sent + PER_CHUNK); sent < end; sent += 1) text += `id: evt_${sent}\ndata: x\n\n`;
      controller.enqueue(encoder.encode(text));
    },
  });
}

const heapMB = (): number => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

const fetch = async () => new Response(eventStream(EVENTS), { headers: { 'content-type': 'text/event-stream' } });
let seen = 0;
let early = 0;
let late = 0;
const start = performance.now();
for await (const _ of streamSSE('https://bench.test/stream', { fetch, idleTimeoutMs: 0 })) {
  seen += 1;
  if (seen === 10_000) early = heapMB();
  if (seen === EVENTS) late = heapMB();
}
const ms = performance.now() - start;
console.log(`streamSSE, ${EVENTS.toLocaleString('en')} events with unique ids, heap while still reading (after gc):`);
console.log(
  `  at 10,000 events ${early.toFixed(1)} MB; at ${EVENTS.toLocaleString('en')} ${late.toFixed(1)} MB; growth ${(late - early).toFixed(1)} MB; ${((ms * 1e3) / EVENTS).toFixed(2)} µs/event`,
);
