export { Interrupted } from './interrupted.js';
export type { InterruptedProps } from './interrupted.js';
