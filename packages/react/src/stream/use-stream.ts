'use client';

import {
  createStreamStore,
  type Message,
  type RunHandle,
  type StreamState,
  type StreamStore,
  type StreamStoreOptions,
} from '@rill/core';
import { useGatedStore } from '../lifecycle/use-gated-store.js';

/** `createStreamStore` options (url, body, headers, provider, fetch, retry, resume, idleTimeoutMs, deadlineMs, throttle, callbacks) plus `autoStart` and `attachTo`. */
export type UseStreamOptions = StreamStoreOptions & {
  /** Start on mount (once, also under StrictMode). Default false: call `start()`. */
  autoStart?: boolean | undefined;
  /** On mount, re-attach to this run (`state.run`, kept with `state.message` before a reload) instead of starting; wins over `autoStart`. */
  attachTo?: { run: RunHandle; message?: Message } | undefined;
};

/** The stream's state plus its controls. */
export interface UseStreamResult extends StreamState {
  /** Starts (or restarts) the stream, with `body` or the `body` option. */
  start(body?: unknown): void;
  /** Re-attaches to a run still going (see `StreamStore.attach`): the message is rebuilt whole, `message` shown until then. */
  attach(run: RunHandle, message?: Message): void;
  /** Aborts the request and stops a run the server announced upstream; the final status is `aborted` (a dropped connection is `interrupted`). */
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
  const { attachTo, autoStart } = options;
  const onFirstMount =
    attachTo !== undefined
      ? (store: StreamStore) => store.attach(attachTo.run, attachTo.message)
      : autoStart === true
        ? (store: StreamStore) => store.start()
        : undefined;
  return useGatedStore(createStreamStore, options, onFirstMount);
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
  return { ...state, start: store.start, attach: store.attach, stop: store.stop, retry: store.retry };
}
