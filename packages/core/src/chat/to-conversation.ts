import type { Part, ToolCallPart } from '../message/types.js';
import type { ConversationMessage, ToolResult } from '../providers/request/conversation.js';
import type { ChatMessage } from './chat-types.js';

const settled = (part: Part): part is ToolCallPart => part.type === 'tool-call' && (part.state === 'output-available' || part.state === 'output-error');

/**
 * The provider-neutral conversation for a chat: assistant turns keep their parts (signed
 * reasoning included) and are followed by their tool results; tool calls that never got a result
 * (a stopped turn) are left out, since providers reject a call without its result.
 *
 * @example toProviderRequest('anthropic', { model, messages: toConversation(state.messages) });
 */
export function toConversation(messages: readonly ChatMessage[]): ConversationMessage[] {
  return messages.flatMap((entry): ConversationMessage[] => {
    if (entry.role === 'user') return [{ role: 'user', content: entry.text }];
    const parts = entry.message.parts.filter((part) => part.type !== 'tool-call' || settled(part));
    if (parts.length === 0) return [];
    const results = parts.filter(settled).map((part): ToolResult => (part.state === 'output-error' ? { toolCallId: part.toolCallId, error: part.errorText ?? 'The tool failed.' } : { toolCallId: part.toolCallId, output: part.output }));
    return results.length === 0 ? [{ role: 'assistant', parts }] : [{ role: 'assistant', parts }, { role: 'tool', results }];
  });
}
