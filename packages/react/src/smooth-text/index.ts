export { useSmoothText } from './use-smooth-text.js';
export type { SmoothTextOptions } from './use-smooth-text.js';
export { usePrefersReducedMotion } from './reduced-motion.js';
export { createRevealPace } from './reveal-pace.js';
export type { RevealPace, RevealPaceOptions } from './reveal-pace.js';
