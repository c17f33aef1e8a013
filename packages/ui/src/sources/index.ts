export { SourceList } from './source-list.js';
export type { SourceListProps } from './source-list.js';
