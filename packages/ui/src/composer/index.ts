export { Composer } from './composer.js';
export type { ComposerProps } from './composer.js';
