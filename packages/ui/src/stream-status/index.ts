export { StreamStatus } from './stream-status.js';
export type { StreamStatusProps } from './stream-status.js';
