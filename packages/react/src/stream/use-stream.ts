import { createStreamStore, type StreamState, type StreamStore, type StreamStoreOptions } from '@rill/core';
import { useGatedStore } from '../lifecycle/use-gated-store.js';

/** `createStreamStore` options (url, body, headers, provider, fetch, retry, resume, idleTimeoutMs, deadlineMs, throttle, callbacks) plus `autoStart`. */
export type UseStreamOptions = StreamStoreOptions & {
  /** Start on mount (once, also under StrictMode). Default false: call `start()`. */
  autoStart?: boolean;
};

/** The stream's state plus its controls. */
export interface UseStreamResult extends StreamState {
  /** Starts (or restarts) the stream, with `body` or the `body` option. */
  start(body?: unknown): void;
  /** Aborts the request; the final status is `aborted` (a dropped connection is `interrupted`). */
  stop(): void;
  /** Starts again with the last body. */
  retry(): void;
}

/**
 * Subscribes a component to a store with commit-gated callbacks; shared by the stream hooks.
 *
 * @example const { state, store } = useStreamStore(options);
 */
export function useStreamStore(options: UseStreamOptions): { state: StreamState; store: StreamStore } {
  return useGatedStore(createStreamStore, options, options.autoStart === true ? (store) => store.start() : undefined);
}

/**
 * Streams one SSE response into React state: at most one render per animation frame (or per
 * `throttle` ms), whatever the token rate. Unmounting aborts the request; `onFinish` runs after
 * the final state has been committed. Server rendering touches no browser global.
 *
 * @example
 * function Answer({ question }: { question: string }) {
 *   const { text, status, stop, start } = useStream({ url: '/api/chat', provider: 'anthropic' });
 *   return (
 *     <>
 *       <button onClick={() => start({ model: 'claude-sonnet-4-6', max_tokens: 1024, stream: true, messages: [{ role: 'user', content: question }] })}>Ask</button>
 *       {status === 'streaming' && <button onClick={stop}>Stop</button>}
 *       <p aria-busy={status === 'streaming'}>{text}</p>
 *     </>
 *   );
 * }
 */
export function useStream(options: UseStreamOptions): UseStreamResult {
  const { state, store } = useStreamStore(options);
  return { ...state, start: store.start, stop: store.stop, retry: store.retry };
}
