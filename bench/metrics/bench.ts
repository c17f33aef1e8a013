// Metrics recorder and race: cost per part as streams grow (should stay flat), the bounded
// percentile histogram against keeping every gap and sorting, and race's per-part overhead.
import { createMetricsRecorder, race, type StreamPart } from '@rill/core';
import { median } from '../median.js';
import { tiny } from '../tiny.js';

const token: StreamPart = { type: 'text-delta', id: 't', delta: 'x' };

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

console.log(
  'createMetricsRecorder: part() per token part, then snapshot() every 1,000 parts (a frame at ~60 tok/s is ~16 parts)',
);
for (const parts of tiny ? [10_000] : [10_000, 100_000, 1_000_000]) {
  const runs: number[] = [];
  const naive: number[] = [];
  for (let r = 0; r < 5; r += 1) {
    let clock = 0;
    const recorder = createMetricsRecorder({ now: () => clock });
    recorder.start();
    runs.push(
      time(() => {
        for (let i = 0; i < parts; i += 1) {
          clock += 10 + (i % 7);
          recorder.part(token);
          if (i % 1000 === 0) recorder.snapshot();
        }
      }),
    );
    // The obvious alternative: keep every gap, sort a copy for the percentiles on each snapshot.
    if (parts <= 100_000) {
      naive.push(
        time(() => {
          const gaps: number[] = [];
          for (let i = 0; i < parts; i += 1) {
            gaps.push(10 + (i % 7));
            if (i % 1000 === 0) {
              const sorted = [...gaps].sort((a, b) => a - b);
              void sorted[Math.floor(sorted.length * 0.95)];
            }
          }
        }),
      );
    }
  }
  const ms = median(runs);
  const against =
    naive.length > 0 ? `; keep-all-and-sort ${median(naive).toFixed(1)} ms (${(median(naive) / ms).toFixed(1)}x)` : '';
  console.log(
    `  ${parts.toLocaleString('en')} parts: ${ms.toFixed(1)} ms, ${((ms * 1e6) / parts).toFixed(0)} ns/part${against}`,
  );
}

const RACE_PARTS = tiny ? 2_000 : 200_000;

async function* parts(count: number): AsyncGenerator<StreamPart> {
  for (let i = 0; i < count; i += 1) yield token;
}

console.log(
  `race: one candidate, ${RACE_PARTS.toLocaleString('en')} parts, against reading the same generator directly`,
);
const direct: number[] = [];
const raced: number[] = [];
const racedWithSignal: number[] = [];
for (let r = 0; r < 5; r += 1) {
  let start = performance.now();
  for await (const _ of parts(RACE_PARTS));
  direct.push(performance.now() - start);
  start = performance.now();
  for await (const _ of race([{ id: 'only', start: () => parts(RACE_PARTS) }], { ttftTimeoutMs: 10_000 }));
  raced.push(performance.now() - start);
  start = performance.now();
  for await (const _ of race([{ id: 'only', start: () => parts(RACE_PARTS) }], {
    ttftTimeoutMs: 10_000,
    signal: new AbortController().signal,
  }));
  racedWithSignal.push(performance.now() - start);
}
const addedNs = (runs: number[]) => (((median(runs) - median(direct)) * 1e6) / RACE_PARTS).toFixed(0);
console.log(
  `  direct ${median(direct).toFixed(1)} ms; through race ${median(raced).toFixed(1)} ms (${addedNs(raced)} ns/part added), with a signal ${median(racedWithSignal).toFixed(1)} ms (${addedNs(racedWithSignal)} ns/part)`,
);
