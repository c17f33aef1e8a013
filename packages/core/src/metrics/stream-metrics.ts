/**
 * One stream's timings, as {@link MetricsRecorder.snapshot} reports them. Times are in ms from
 * `start()` (the request going out); a field is absent until the event it measures happened.
 */
export interface StreamMetrics {
  /** Time to first byte: `start()` to `open()` (the first response's headers). */
  ttfbMs?: number;
  /** Time to first token: `start()` to the first token part (see `isTokenPart`). */
  ttftMs?: number;
  /** Median gap between consecutive token parts (within ±2%, see `createMetricsRecorder`). */
  interTokenP50Ms?: number;
  /** 95th percentile of the gaps between consecutive token parts (within ±2%). */
  interTokenP95Ms?: number;
  /** `start()` to `end()`, or to now while the stream runs. */
  durationMs?: number;
  /** Token parts seen: each text, reasoning or tool-input delta counts as one token. */
  tokenParts: number;
  /** The provider's own output token count, when it sent usage. */
  outputTokens?: number;
  /**
   * Output tokens per second of generation: the tokens generated from the first token to `end()`
   * (or now), over that time. Once ended that is the provider's `outputTokens` (else `tokenParts`);
   * while streaming, the larger of the two, since running counts lag. Reasoning tokens are left
   * out when no reasoning part was seen (hidden reasoning ran before the first token). Absent until
   * time has passed since the first token.
   */
  tokensPerSecond?: number;
  /** How many times the transport reconnected. */
  reconnects: number;
  /** True when parts arrive in large batches after long silences (see `BufferingHeuristic`). */
  bufferingSuspected: boolean;
  /** What to change on the proxy; set when `bufferingSuspected` is. */
  bufferingMessage?: string;
  /** `end()` was called. */
  ended: boolean;
}
