export { createSSEDecoder } from './sse-decoder.js';
export type { SSEDecoder, SSEDecoderOptions, SSEEvent, SSEHandlers } from './sse-decoder.js';
export { readSSE } from './read-sse.js';
export type { ReadSSEOptions } from './read-sse.js';
