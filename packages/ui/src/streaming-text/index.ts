export { StreamingText } from './streaming-text.js';
export type { StreamingTextProps } from './streaming-text.js';
