export { streamSSE } from './stream-sse.js';
export type { StreamSSEOptions, RetryOptions, ReconnectInfo, ResumeTarget } from './stream-sse-options.js';
export type { RunInfo } from './run-announcement.js';
export { stopRun } from './stop-run.js';
export type { StopRunOptions } from './stop-run.js';
