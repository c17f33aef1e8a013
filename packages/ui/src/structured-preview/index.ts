export { StructuredPreview } from './structured-preview.js';
export type { StructuredPreviewProps } from './structured-preview.js';
export type { PreviewSchema } from './schema.js';
