export { Conversation } from './conversation.js';
export type { ConversationProps } from './conversation.js';
