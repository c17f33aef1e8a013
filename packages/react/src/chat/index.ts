export { useChat } from './use-chat.js';
export type { UseChatResult } from './use-chat.js';
