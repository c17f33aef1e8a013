export { useStream, useStreamStore } from './use-stream.js';
export type { UseStreamOptions, UseStreamResult } from './use-stream.js';
