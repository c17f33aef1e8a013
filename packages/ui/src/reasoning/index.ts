export { Reasoning } from './reasoning.js';
export type { ReasoningProps } from './reasoning.js';
