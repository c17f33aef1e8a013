export { useStructuredStream } from './use-structured-stream.js';
export type { UseStructuredStreamOptions, UseStructuredStreamResult } from './use-structured-stream.js';
