export { streamSSE } from './stream-sse.js';
export type { StreamSSEOptions, RetryOptions, ReconnectInfo, ResumeTarget } from './stream-sse-options.js';
export type { RunInfo } from './run-announcement.js';
