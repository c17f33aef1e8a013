import { isTokenPart, type StreamPart } from '../message/types.js';
import {
  bufferingMessage,
  createBufferingDetector,
  defaultBufferingHeuristic,
  type BufferingHeuristic,
} from './buffering-detector.js';
import { createLatencyHistogram } from './latency-histogram.js';
import type { StreamMetrics } from './stream-metrics.js';

export interface MetricsRecorderOptions {
  /** The clock, in ms; defaults to `performance.now`. Tests pass a fake one. */
  now?: (() => number) | undefined;
  /** Overrides for the buffering heuristic's thresholds. */
  buffering?: Partial<BufferingHeuristic> | undefined;
}

/** Push-based recorder of one stream's metrics; every method is O(1) except `snapshot()`. */
export interface MetricsRecorder {
  /** The request went out. Later calls are ignored; if never called, the first event starts the clock. */
  start(): void;
  /** Response headers arrived (wire it to the transport's `onOpen`); only the first counts for TTFB. */
  open(): void;
  /** A decoded part arrived. Parts after `end()` are ignored. */
  part(part: StreamPart): void;
  /** The transport reconnected (wire it to `onReconnect`); the back-off gap is not taken as buffering. */
  reconnect(): void;
  /** The stream finished, however it finished. Later calls are ignored. */
  end(): void;
  /** The metrics so far, as a fresh object; costs O(1) in the stream's length. */
  snapshot(): StreamMetrics;
}

/**
 * Creates a framework-free metrics recorder for one stream: the store pushes events into it and
 * reads `snapshot()` once per frame. Inter-token percentiles come from a fixed 381-bucket
 * log histogram (bounded memory for any stream length, within ±2% of the exact value).
 *
 * @example
 * const metrics = createMetricsRecorder();
 * metrics.start();
 * for await (const e of streamSSE(url, { ...init, onOpen: () => metrics.open(), onReconnect: () => metrics.reconnect() })) { … }
 * metrics.end();
 * metrics.snapshot().ttftMs;
 */
export function createMetricsRecorder(options: MetricsRecorderOptions = {}): MetricsRecorder {
  const now = options.now ?? (() => performance.now());
  const gaps = createLatencyHistogram();
  const buffering = createBufferingDetector({ ...defaultBufferingHeuristic, ...options.buffering });
  let startedAt: number | undefined;
  let openedAt: number | undefined;
  let firstTokenAt: number | undefined;
  let lastTokenAt: number | undefined;
  let endedAt: number | undefined;
  let tokenParts = 0;
  let outputTokens: number | undefined;
  let reasoningTokens: number | undefined;
  let reasoningSeen = false;
  let reconnects = 0;

  const begin = (): number => {
    const at = now();
    if (startedAt === undefined) {
      startedAt = at;
      buffering.arrival(at, false);
    }
    return at;
  };

  /** Tokens generated since the first token: see `StreamMetrics.tokensPerSecond`. */
  const generatedTokens = (ended: boolean): number => {
    if (outputTokens === undefined) return tokenParts;
    // Reasoning that streamed no part was generated before the first token, outside the timed span.
    const visible = Math.max(0, outputTokens - (reasoningSeen ? 0 : (reasoningTokens ?? 0)));
    // Running counts can lag (Anthropic's message_start says 1): parts are a floor until the end.
    return ended ? visible : Math.max(visible, tokenParts);
  };

  return {
    start() {
      begin();
    },
    open() {
      if (endedAt !== undefined) return;
      const at = begin();
      openedAt ??= at;
      buffering.arrival(at, false);
    },
    part(part) {
      if (endedAt !== undefined) return;
      const at = begin();
      if (part.type === 'usage') {
        outputTokens = part.usage.outputTokens ?? outputTokens;
        reasoningTokens = part.usage.reasoningTokens ?? reasoningTokens;
      }
      if (part.type === 'reasoning-delta' || part.type === 'reasoning-redacted') reasoningSeen = true;
      const token = isTokenPart(part);
      buffering.arrival(at, token);
      if (!token) return;
      tokenParts += 1;
      firstTokenAt ??= at;
      if (lastTokenAt !== undefined) gaps.record(at - lastTokenAt);
      lastTokenAt = at;
    },
    reconnect() {
      if (endedAt !== undefined) return;
      begin();
      reconnects += 1;
      buffering.expectGap();
    },
    end() {
      if (endedAt !== undefined) return;
      endedAt = begin();
    },
    snapshot() {
      const ended = endedAt !== undefined;
      const metrics: StreamMetrics = {
        tokenParts,
        reconnects,
        bufferingSuspected: buffering.suspected(tokenParts, ended),
        ended,
      };
      if (startedAt === undefined) return metrics;
      const until = endedAt ?? now();
      metrics.durationMs = until - startedAt;
      if (openedAt !== undefined) metrics.ttfbMs = openedAt - startedAt;
      if (firstTokenAt !== undefined) metrics.ttftMs = firstTokenAt - startedAt;
      if (outputTokens !== undefined) metrics.outputTokens = outputTokens;
      const p50 = gaps.percentile(0.5);
      if (p50 !== undefined) metrics.interTokenP50Ms = p50;
      const p95 = gaps.percentile(0.95);
      if (p95 !== undefined) metrics.interTokenP95Ms = p95;
      const generatingMs = firstTokenAt === undefined ? 0 : until - firstTokenAt;
      if (generatingMs > 0) metrics.tokensPerSecond = (generatedTokens(ended) * 1000) / generatingMs;
      if (metrics.bufferingSuspected) metrics.bufferingMessage = bufferingMessage;
      return metrics;
    },
  };
}
