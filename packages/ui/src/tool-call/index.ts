export { ToolCall } from './tool-call.js';
export type { ToolCallProps, ToolCallState } from './tool-call.js';
