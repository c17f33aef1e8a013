import { httpSource, messageSnapshots, type HttpSourceOptions, type Message, type Throttle } from '@rill/core';
import { experimental_streamedQuery as streamedQuery, queryOptions, type QueryKey } from '@tanstack/react-query';

export interface StreamQueryOptions<K extends QueryKey> extends HttpSourceOptions {
  queryKey: K;
  /** The request body (JSON unless a string). */
  body?: unknown;
  /**
   * What a refetch does with the cached message (TanStack's `streamedQuery` modes):
   * `'reset'` (default) clears it and shows the new stream from the start; `'replace'` keeps the
   * old message on screen until the new stream has ended, then swaps it in; `'append'` is not
   * offered, since two messages do not concatenate.
   */
  refetchMode?: 'reset' | 'replace' | undefined;
  /** Cache writes at most once per frame (default) or per this many ms. */
  throttle?: Throttle | undefined;
}

/**
 * Query options that stream a message into TanStack Query's cache with its `streamedQuery`: keyed,
 * cached and shared by every component using the key, aborted when the last one unmounts, and
 * written at most once per frame. Use with `useQuery`, `prefetchQuery` or `useStreamQuery`.
 *
 * @example
 * const answer = (q: string) => streamQueryOptions({ queryKey: ['answer', q], url: '/api/chat', provider: 'openai-chat', body: { model, stream: true, messages: [{ role: 'user', content: q }] } });
 * const { data: message } = useQuery(answer('Why is the sky blue?'));
 */
export function streamQueryOptions<K extends QueryKey>(options: StreamQueryOptions<K>) {
  const { queryKey, body, refetchMode = 'reset', throttle, ...source } = options;
  return queryOptions({
    queryKey,
    queryFn: streamedQuery<Message, Message | null, K>({
      streamFn: ({ signal }) =>
        messageSnapshots(
          httpSource(source)({ body, signal, onOpen: () => undefined, onReconnect: () => undefined }),
          throttle,
        ),
      refetchMode,
      reducer: (_previous, message) => message,
      initialValue: null,
    }),
    // A stream is a one-off generation: refetching on focus would bill a new one.
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
}
