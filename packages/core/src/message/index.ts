export type { ProviderName, FinishReason, Usage, TextPart, ReasoningPart, ToolCallPart, Part, MessageStatus, Message, StreamPart } from './types.js';
export { isTokenPart } from './types.js';
export { createMessageAccumulator, type MessageAccumulator } from './message-accumulator.js';
export { accumulate } from './accumulate.js';
