export { useFanOut } from './use-fan-out.js';
export type { UseFanOutOptions, UseFanOutResult } from './use-fan-out.js';
