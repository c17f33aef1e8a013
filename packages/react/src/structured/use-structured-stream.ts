'use client';

import { createStructuredStore, type StructuredState, type StructuredStoreOptions } from '@rill/core';
import { useGatedStore } from '../lifecycle/use-gated-store.js';

/** A structured store's options (`onFinish` gets the structured state) plus `autoStart`. */
export type UseStructuredStreamOptions<T = unknown> = StructuredStoreOptions<T> & { autoStart?: boolean | undefined };

export interface UseStructuredStreamResult<T> extends StructuredState<T> {
  start(body?: unknown): void;
  stop(): void;
  retry(): void;
}

/**
 * Streams structured output: the text (or a tool call's input, `from: { toolName }`) is parsed as
 * it arrives by a @rill/json backend (`parser`: incremental by default, partial-json or
 * tree-sitter), optionally against a JSON `schema`. `object` is the partial value, structurally
 * shared, so memoized children re-render only when their part changed; `onPathComplete` fires as
 * soon as each field is complete.
 *
 * @example
 * function Recipe() {
 *   const { object, isComplete } = useStructuredStream<{ title?: string; steps?: string[] }>({
 *     url: '/api/recipe', provider: 'openai-chat', autoStart: true,
 *     onPathComplete: (path, value) => { if (path[0] === 'steps') prefetchImage(value); },
 *   });
 *   return <article aria-busy={!isComplete}><h1>{object?.title}</h1>{object?.steps?.map((s, i) => <p key={i}>{s}</p>)}</article>;
 * }
 */
export function useStructuredStream<T = unknown>(options: UseStructuredStreamOptions<T>): UseStructuredStreamResult<T> {
  const { state, store } = useGatedStore(
    createStructuredStore<T>,
    options,
    options.autoStart === true ? (s) => s.start() : undefined,
  );
  return { ...state, start: store.start, stop: store.stop, retry: store.retry };
}
