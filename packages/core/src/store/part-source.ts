import type { StreamPart } from '../message/types.js';
import type { RunInfo } from '../transport/run-announcement.js';
import type { ReconnectInfo } from '../transport/stream-sse.js';
import type { RunHandle } from './run-handle.js';

/** What a store hands its part source on each `start()` or `attach()`. */
export interface PartSourceContext {
  /** The body given to `start(body)`, else the store's `body` option. */
  body: unknown;
  /** Aborted by `stop()`, a new `start()`, or disposal; the source must stop reading then. */
  signal: AbortSignal;
  /** Call when the response arrives (and after each resume). */
  onOpen(): void;
  /** Call before each retry or resume wait. */
  onReconnect(info: ReconnectInfo): void;
  /**
   * Set by `attach()`: read this run again from its start instead of sending `body`, calling
   * `onEventId` as events are read (the kept message shows until then); a source that cannot should yield an error part.
   */
  attach?: RunHandle;
  /**
   * Aborted when the user stops the run (`stop()`, or a `start()` or `attach()` that replaces it),
   * never on disposal or a dropped connection: a source that can end the generation upstream does so then.
   */
  stopSignal?: AbortSignal;
  /** Call for each run the server announces (`rill-run`), with that event's id. */
  onRun?(run: RunInfo, eventId: string): void;
  /** Call with each event's id as it is read, before its parts. */
  onEventId?(id: string): void;
}

/** Produces the parts of one run; the store owns the rest (accumulation, metrics, notifications). */
export type PartSource = (context: PartSourceContext) => AsyncIterable<StreamPart>;
