export { streamQueryOptions } from './stream-query-options.js';
export type { StreamQueryOptions } from './stream-query-options.js';
export { useStreamQuery } from './use-stream-query.js';
export type { UseStreamQueryResult } from './use-stream-query.js';
