export { GeneratedFile } from './generated-file.js';
export type { GeneratedFileProps } from './generated-file.js';
