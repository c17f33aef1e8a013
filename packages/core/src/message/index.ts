export type { ProviderName, FinishReason, Usage, TextPart, ReasoningPart, ToolCallPart, Part, MessageStatus, Message, StreamPart } from './types.js';
export { isTokenPart } from './types.js';
