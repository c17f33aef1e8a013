'use client';

import { messageText, type Message } from '@rill/core';
import { useQuery, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import { streamQueryOptions, type StreamQueryOptions } from './stream-query-options.js';

export type UseStreamQueryResult = UseQueryResult<Message | null> & {
  /** The message so far (`null` before the first frame). */
  message: Message | null;
  /** Its text parts joined. */
  text: string;
};

/**
 * `useQuery` over {@link streamQueryOptions}: the message streams into the cache under `queryKey`,
 * so two components with the same key share one request, and `refetch()` streams again.
 *
 * @example
 * function Answer({ q }: { q: string }) {
 *   const { text, isFetching } = useStreamQuery({ queryKey: ['answer', q], url: '/api/chat', provider: 'openai-chat', body: { model, stream: true, messages: [{ role: 'user', content: q }] } });
 *   return <p aria-busy={isFetching}>{text}</p>;
 * }
 */
export function useStreamQuery<K extends QueryKey>(options: StreamQueryOptions<K>): UseStreamQueryResult {
  const query = useQuery(streamQueryOptions(options));
  const message = query.data ?? null;
  return Object.assign(query, { message, text: messageText(message ?? undefined) });
}
