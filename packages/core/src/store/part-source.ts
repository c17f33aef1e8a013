import type { StreamPart } from '../message/types.js';
import type { ReconnectInfo } from '../transport/stream-sse.js';

/** What a store hands its part source on each `start()`. */
export interface PartSourceContext {
  /** The body given to `start(body)`, else the store's `body` option. */
  body: unknown;
  /** Aborted by `stop()`, a new `start()`, or disposal; the source must stop reading then. */
  signal: AbortSignal;
  /** Call when the response arrives (and after each resume). */
  onOpen(): void;
  /** Call before each retry or resume wait. */
  onReconnect(info: ReconnectInfo): void;
}

/** Produces the parts of one run; the store owns the rest (accumulation, metrics, notifications). */
export type PartSource = (context: PartSourceContext) => AsyncIterable<StreamPart>;
