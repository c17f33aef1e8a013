export { Composer } from './composer.js';
export type { ComposerProps } from './composer.js';
export { isSendKey, useStopFocusReturn } from './message-box-keys.js';
export type { StopFocusHandlers } from './message-box-keys.js';
