export type {
  ProviderName,
  FinishReason,
  Usage,
  Citation,
  TextPart,
  ReasoningPart,
  ToolCallPart,
  SourcePart,
  FilePart,
  Part,
  MessageStatus,
  MessageMetadata,
  Message,
  StreamPart,
} from './types.js';
export { isTokenPart } from './types.js';
export { createMessageAccumulator, type MessageAccumulator } from './message-accumulator.js';
export { accumulate } from './accumulate.js';
