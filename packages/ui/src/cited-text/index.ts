export { CitedText } from './cited-text.js';
export type { CitedTextProps } from './cited-text.js';
