import { describe, expect, it } from 'vitest';
import type { StreamPart } from '../message/types.js';
import { createMetricsRecorder, type BufferingHeuristic, type MetricsRecorder } from './index.js';

const token: StreamPart = { type: 'text-delta', id: 't', delta: 'x' };

/** A recorder on a clock the test moves by hand. */
function fakeClockRecorder(buffering?: Partial<BufferingHeuristic>) {
  let time = 0;
  const recorder = createMetricsRecorder({ now: () => time, buffering });
  return { recorder, advance: (ms: number) => void (time += ms) };
}

/** Sends `count` token parts, `gapMs` apart, the first after `firstGapMs`. */
function tokens(
  recorder: MetricsRecorder,
  advance: (ms: number) => void,
  count: number,
  gapMs: number,
  firstGapMs = gapMs,
) {
  for (let i = 0; i < count; i += 1) {
    advance(i === 0 ? firstGapMs : gapMs);
    recorder.part(token);
  }
}

const within = (actual: number | undefined, expected: number, relative: number) => {
  expect(actual).toBeDefined();
  expect(Math.abs((actual ?? NaN) - expected)).toBeLessThanOrEqual(expected * relative);
};

describe('createMetricsRecorder', () => {
  it('reports TTFB, TTFT, duration and reconnects from the events it was given', () => {
    const { recorder, advance } = fakeClockRecorder();
    recorder.start();
    advance(120);
    recorder.open();
    advance(30);
    recorder.part({ type: 'message-start', id: 'm' });
    advance(50);
    recorder.part(token);
    advance(400);
    recorder.reconnect();
    advance(100);
    recorder.open();
    recorder.part(token);
    advance(10);
    recorder.end();

    expect(recorder.snapshot()).toMatchObject({
      ttfbMs: 120,
      ttftMs: 200,
      durationMs: 710,
      reconnects: 1,
      tokenParts: 2,
      ended: true,
    });
  });

  it('reports a constant gap exactly', () => {
    const { recorder, advance } = fakeClockRecorder();
    recorder.start();
    tokens(recorder, advance, 30, 33);
    expect(recorder.snapshot()).toMatchObject({ interTokenP50Ms: 33, interTokenP95Ms: 33 });
  });

  it('leaves what has not happened yet undefined and counts duration up to now while running', () => {
    const { recorder, advance } = fakeClockRecorder();
    expect(recorder.snapshot()).toEqual({ tokenParts: 0, reconnects: 0, bufferingSuspected: false, ended: false });
    recorder.start();
    advance(75);
    const running = recorder.snapshot();
    expect(running.durationMs).toBe(75);
    expect(running.ttftMs).toBeUndefined();
    expect(running.interTokenP50Ms).toBeUndefined();
    expect(running.tokensPerSecond).toBeUndefined();
  });

  it('gives inter-token p50 and p95 of the gaps between token parts', () => {
    const { recorder, advance } = fakeClockRecorder();
    recorder.start();
    advance(300);
    recorder.part(token);
    // 100 gaps: 94 of 20 ms and 6 of 100 ms, so p50 is 20 ms and p95 is 100 ms.
    for (let i = 0; i < 100; i += 1) {
      advance(i % 16 === 15 ? 100 : 20);
      recorder.part(token);
    }
    const metrics = recorder.snapshot();
    within(metrics.interTokenP50Ms, 20, 0.02);
    within(metrics.interTokenP95Ms, 100, 0.02);
  });

  it('keeps percentiles within 2% of the exact nearest-rank value on irregular gaps', () => {
    const { recorder, advance } = fakeClockRecorder();
    recorder.start();
    recorder.part(token);
    const gaps: number[] = [];
    let seed = 7;
    for (let i = 0; i < 20_000; i += 1) {
      seed = (seed * 48271) % 2147483647;
      const gap = 1 + (seed % 100_000) / 500; // 1 ms … 201 ms
      gaps.push(gap);
      advance(gap);
      recorder.part(token);
    }
    const sorted = gaps.sort((a, b) => a - b);
    const exact = (p: number) => sorted[Math.ceil(p * sorted.length) - 1] ?? NaN;
    const metrics = recorder.snapshot();
    within(metrics.interTokenP50Ms, exact(0.5), 0.02);
    within(metrics.interTokenP95Ms, exact(0.95), 0.02);
  });

  it('computes tokens/s over the generation time, from token parts or from reported usage', () => {
    const counted = fakeClockRecorder();
    counted.recorder.start();
    tokens(counted.recorder, counted.advance, 50, 20, 500); // first token at 500 ms, last at 1480 ms
    counted.advance(20);
    counted.recorder.end(); // 1000 ms of generation
    expect(counted.recorder.snapshot().tokensPerSecond).toBe(50);

    const reported = fakeClockRecorder();
    reported.recorder.start();
    tokens(reported.recorder, reported.advance, 50, 20, 500);
    reported.recorder.part({ type: 'usage', usage: { inputTokens: 10, outputTokens: 120 } });
    reported.advance(20);
    reported.recorder.end();
    expect(reported.recorder.snapshot()).toMatchObject({ outputTokens: 120, tokensPerSecond: 120 });
  });

  it('counts token parts while streaming when the running usage lags (Anthropic message_start says 1)', () => {
    const { recorder, advance } = fakeClockRecorder();
    recorder.start();
    recorder.part({ type: 'usage', usage: { inputTokens: 10, outputTokens: 1 } });
    tokens(recorder, advance, 25, 20, 500); // first token at 500 ms, 25th at 980 ms
    advance(20);
    expect(recorder.snapshot().tokensPerSecond).toBe(50);
    recorder.part({ type: 'usage', usage: { outputTokens: 60 } });
    advance(100);
    recorder.end(); // 600 ms of generation, 60 tokens as the provider counted them
    expect(recorder.snapshot()).toMatchObject({ outputTokens: 60, tokensPerSecond: 100 });
  });

  it('leaves hidden reasoning out of tokens/s but keeps reasoning that streamed', () => {
    const hidden = fakeClockRecorder();
    hidden.recorder.start();
    tokens(hidden.recorder, hidden.advance, 100, 20, 5000); // 2000 hidden reasoning tokens before the first visible one
    hidden.recorder.part({ type: 'usage', usage: { outputTokens: 2100, reasoningTokens: 2000 } });
    hidden.advance(20);
    hidden.recorder.end(); // 2000 ms of visible generation
    expect(hidden.recorder.snapshot()).toMatchObject({ outputTokens: 2100, tokensPerSecond: 50 });

    const shown = fakeClockRecorder();
    shown.recorder.start();
    shown.advance(500);
    shown.recorder.part({ type: 'reasoning-delta', id: 'r', delta: 'hmm' });
    tokens(shown.recorder, shown.advance, 50, 20);
    shown.recorder.part({ type: 'usage', usage: { outputTokens: 200, reasoningTokens: 100 } });
    shown.recorder.end(); // 1000 ms from the first (reasoning) token
    expect(shown.recorder.snapshot().tokensPerSecond).toBe(200);
  });

  it('counts reasoning and tool-input deltas as tokens but not structural parts', () => {
    const { recorder, advance } = fakeClockRecorder();
    recorder.start();
    advance(10);
    recorder.part({ type: 'message-start' });
    recorder.part({ type: 'tool-input-start', toolCallId: 'c', toolName: 'search' });
    advance(10);
    recorder.part({ type: 'reasoning-delta', id: 'r', delta: 'hm' });
    recorder.part({ type: 'tool-input-delta', toolCallId: 'c', delta: '{"q"' });
    recorder.part({ type: 'finish', finishReason: 'stop' });
    recorder.part({ type: 'done' });
    expect(recorder.snapshot()).toMatchObject({ ttftMs: 20, tokenParts: 2 });
  });

  it('ignores events after end()', () => {
    const { recorder, advance } = fakeClockRecorder();
    recorder.start();
    advance(10);
    recorder.part(token);
    recorder.end();
    advance(500);
    recorder.part(token);
    recorder.reconnect();
    recorder.end();
    expect(recorder.snapshot()).toMatchObject({ tokenParts: 1, reconnects: 0, durationMs: 10 });
  });

  it('starts the clock at the first event when start() was never called', () => {
    const { recorder, advance } = fakeClockRecorder();
    advance(1000);
    recorder.open();
    advance(40);
    recorder.part(token);
    expect(recorder.snapshot()).toMatchObject({ ttfbMs: 0, ttftMs: 40 });
  });
});

describe('bufferingSuspected', () => {
  it('stays false for a smooth stream, even one with long pauses', () => {
    const { recorder, advance } = fakeClockRecorder();
    recorder.start();
    recorder.open();
    for (let burst = 0; burst < 5; burst += 1) tokens(recorder, advance, 200, 15, 2000);
    recorder.end();
    const metrics = recorder.snapshot();
    expect(metrics.bufferingSuspected).toBe(false);
    expect(metrics.bufferingMessage).toBeUndefined();
  });

  it('turns true when batches of tokens land at once after silences, and says what to fix', () => {
    const { recorder, advance } = fakeClockRecorder();
    recorder.start();
    recorder.open();
    tokens(recorder, advance, 40, 0, 1500); // a proxy flushing its 4 KiB buffer
    expect(recorder.snapshot().bufferingSuspected).toBe(false);
    tokens(recorder, advance, 40, 0.2, 1500);
    const metrics = recorder.snapshot();
    expect(metrics.bufferingSuspected).toBe(true);
    expect(metrics.bufferingMessage).toContain('proxy_buffering off');
    expect(metrics.bufferingMessage).toContain('X-Accel-Buffering: no');
  });

  it('flags a response held back whole once the stream ends', () => {
    const { recorder, advance } = fakeClockRecorder();
    recorder.start();
    recorder.open();
    tokens(recorder, advance, 300, 0, 4000);
    recorder.part({ type: 'done' });
    expect(recorder.snapshot().bufferingSuspected).toBe(false);
    recorder.end();
    expect(recorder.snapshot().bufferingSuspected).toBe(true);
  });

  it('does not take small TCP batches or a reconnect replay for buffering', () => {
    const { recorder, advance } = fakeClockRecorder();
    recorder.start();
    recorder.open();
    for (let i = 0; i < 10; i += 1) {
      tokens(recorder, advance, 3, 0, 800); // three events in one read after a model pause
      tokens(recorder, advance, 20, 25);
    }
    recorder.reconnect();
    tokens(recorder, advance, 100, 0, 2000); // Last-Event-ID replay arrives at once
    tokens(recorder, advance, 20, 25);
    recorder.end();
    expect(recorder.snapshot().bufferingSuspected).toBe(false);
  });

  it('does not take a resume replay larger than half the answer for a response held back whole', () => {
    const { recorder, advance } = fakeClockRecorder();
    recorder.start();
    recorder.open();
    tokens(recorder, advance, 20, 25);
    recorder.reconnect();
    advance(1500); // the back-off
    recorder.open();
    tokens(recorder, advance, 100, 0, 0); // Last-Event-ID replay: 100 of the answer's 130 token parts in the reconnect's first read
    tokens(recorder, advance, 10, 25);
    recorder.end();
    expect(recorder.snapshot()).toMatchObject({ tokenParts: 130, reconnects: 1, bufferingSuspected: false });
    expect(recorder.snapshot().bufferingMessage).toBeUndefined();
  });

  it('follows the thresholds the caller sets', () => {
    const { recorder, advance } = fakeClockRecorder({ minBursts: 1 });
    recorder.start();
    tokens(recorder, advance, 10, 1, 600);
    expect(recorder.snapshot().bufferingSuspected).toBe(true);
  });
});
