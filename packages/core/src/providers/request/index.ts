export { toProviderRequest, providerRequestPath } from './to-provider-request.js';
export { toAnthropicRequest } from './anthropic-request.js';
export { toOpenAIChatRequest } from './openai-chat-request.js';
export { toOpenAIResponsesRequest } from './openai-responses-request.js';
export { toGeminiRequest } from './gemini-request.js';
export type {
  Conversation,
  ConversationMessage,
  ToolDefinition,
  ToolResult,
  ReasoningOptions,
  RequestBody,
} from './conversation.js';
