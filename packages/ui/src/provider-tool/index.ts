export { ProviderToolCall } from './provider-tool-call.js';
export type { ProviderToolCallProps } from './provider-tool-call.js';
