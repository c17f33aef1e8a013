/**
 * Something going wrong on purpose. Stream faults count events of the response they happen in
 * (after a `Last-Event-ID` resume, counting starts again).
 */
export type MockFault =
  /** The connection closes abruptly after this many events (no terminator, no clean end). */
  | { type: 'drop'; afterEvents: number }
  /** Nothing (but optional `: heartbeat` comments) for `ms` after this many events, then the rest. */
  | { type: 'stall'; afterEvents: number; ms: number; heartbeatMs?: number }
  /** A data line that is not JSON arrives after this many events; the stream then goes on. */
  | { type: 'malformed'; afterEvents: number }
  /** The provider's terminator never comes; the connection closes cleanly. */
  | { type: 'no-terminator' }
  /** A buffering proxy holds events and releases whatever arrived every `windowMs`. */
  | { type: 'buffering'; windowMs: number }
  /** 429 in the provider's error shape, with `Retry-After` (Gemini: a RetryInfo detail in the body). */
  | { type: 'rate-limit'; retryAfterSeconds: number }
  /** 500 or 503 in the provider's error shape. */
  | { type: 'server-error'; status: 500 | 503 }
  /** An HTML page instead of a stream: a captive portal (200) or a proxy's bad gateway (502). */
  | { type: 'html'; status: 200 | 502 };

/**
 * A fault and how many requests it hits. `times` (default 1) counts requests per provider,
 * scenario, fault and `x-rill-mock-key` header, so a retry or resume after the fault succeeds.
 */
export type MockFaultSpec = MockFault & { times?: number };
