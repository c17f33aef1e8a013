export { seededRandom } from './prng.js';
export { DEFAULT_TIMING, planStream } from './stream-plan.js';
export type { StreamPlanOptions, StreamStep } from './stream-plan.js';
