export { decodeProvider } from './decode-provider.js';
export { createAnthropicDecoder } from './anthropic.js';
export { createOpenAIChatDecoder } from './openai-chat.js';
export { createOpenAIResponsesDecoder } from './openai-responses.js';
export { createGeminiDecoder } from './gemini.js';
export type { ProviderDecoder } from './decoder.js';
export * from './request/index.js';
