export { MessageView } from './message-view.js';
export type { MessageViewProps } from './message-view.js';
