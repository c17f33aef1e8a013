export { StopButton } from './stop-button.js';
export type { StopButtonProps } from './stop-button.js';
