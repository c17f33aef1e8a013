export { createChatController } from './chat-controller.js';
export type { ChatController } from './chat-controller.js';
export type {
  ChatControllerOptions,
  ChatMessage,
  ChatPersistence,
  ChatState,
  ChatStatus,
  ChatTool,
  ChatTools,
} from './chat-types.js';
export type { FromJSONSchema, InferToolInput } from './tool-schema.js';
export { toConversation } from './to-conversation.js';
export { storagePersistence } from './storage-persistence.js';
export type { KeyValueStorage } from './storage-persistence.js';
export { runTool, needsApproval } from './run-tool.js';
export { onPageHide } from './page-hide.js';
export { continueAnswer, isClientCall, pausedTurn } from './paused-turn.js';
