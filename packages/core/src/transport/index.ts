export { streamSSE } from './stream-sse.js';
export type { StreamSSEOptions, RetryOptions, ReconnectInfo } from './stream-sse.js';
