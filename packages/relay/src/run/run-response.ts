import type { LogEntry } from '../log/event-log.js';
import { encodeEvents, PING } from './sse-format.js';

/** What a `rill-run` event announces: the run, and where to resume or stop it (relative URLs). */
export interface RunAnnouncement {
  runId: string;
  resume: string;
  stop: string;
}

/** The headers every run response carries, so proxies and CDNs pass events on at once. */
export const EVENT_STREAM_HEADERS = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
};

/** One follower's stream: what it follows, and what to call once it is over. */
export interface Follower {
  events: AsyncIterable<LogEntry[]>;
  /** Aborted when the client goes away: the follow stops, the run goes on. */
  follow: AbortController;
  /** Called once, when the response ends (the run's end, a drop, or a failing log). */
  onClose(): void;
}

/**
 * The event-stream response of one follower: `rill-run` at once (with `position`, the id the
 * response continues after), then the followed events, with a `: ping` comment after every
 * `heartbeatMs` of quiet.
 *
 * @example return runResponse(announcement, log.start, { events, follow, onClose }, 15_000);
 */
export function runResponse(
  announcement: RunAnnouncement,
  position: string,
  follower: Follower,
  heartbeatMs: number,
): Response {
  const { events, follow, onClose } = follower;
  const iterator = events[Symbol.asyncIterator]();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let open = true;
  const finish = (): void => {
    if (open) onClose();
    open = false;
    clearTimeout(timer);
  };
  // Each write restarts the quiet period.
  const beat = (controller: ReadableStreamDefaultController<Uint8Array>): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!open) return;
      controller.enqueue(PING);
      beat(controller);
    }, heartbeatMs);
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encodeEvents([{ id: position, event: 'rill-run', data: JSON.stringify(announcement) }]));
      beat(controller);
    },
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (!open) return;
        if (next.done) {
          finish();
          controller.close();
          return;
        }
        controller.enqueue(encodeEvents(next.value));
        beat(controller);
      } catch (error) {
        // The log cannot go on (a follower that fell behind, a lost Redis): the connection breaks, so the client resumes.
        finish();
        throw error;
      }
    },
    cancel() {
      finish();
      follow.abort();
      void iterator.return?.();
    },
  });
  return new Response(body, { status: 200, headers: EVENT_STREAM_HEADERS });
}
