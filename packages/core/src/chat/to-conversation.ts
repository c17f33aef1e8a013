import type { Part, ToolCallPart } from '../message/types.js';
import type { ConversationMessage, ToolResult } from '../providers/request/conversation.js';
import type { ChatMessage } from './chat-types.js';

// A refused call is answered too: the model is told why it did not run.
const answered = (part: ToolCallPart): boolean =>
  part.state === 'output-available' || part.state === 'output-error' || part.state === 'approval-denied';

// A client tool call whose result the next request carries; the provider's own calls carry theirs inside the assistant turn.
const settled = (part: Part): part is ToolCallPart =>
  part.type === 'tool-call' && !part.providerExecuted && answered(part);

/**
 * The provider-neutral conversation for a chat: assistant turns keep their parts (signed
 * reasoning included) and are followed by their tool results; client tool calls that never got a
 * result (a stopped turn) are left out, since providers reject a call without its result. Calls the
 * provider ran stay in the assistant turn and get no tool result; one it has not answered stays
 * only in the last turn (a paused turn being continued: the provider finishes it).
 *
 * @example toProviderRequest('anthropic', { model, messages: toConversation(state.messages) });
 */
export function toConversation(messages: readonly ChatMessage[]): ConversationMessage[] {
  const last = messages.at(-1);
  return messages.flatMap((entry): ConversationMessage[] => {
    if (entry.role === 'user') return [{ role: 'user', content: entry.text }];
    const keep = (part: Part): boolean =>
      part.type !== 'tool-call' || (part.providerExecuted ? entry === last || answered(part) : answered(part));
    const parts = entry.message.parts.filter(keep);
    if (parts.length === 0) return [];
    const results = parts
      .filter(settled)
      .map((part): ToolResult =>
        part.state === 'output-error' || part.state === 'approval-denied'
          ? { toolCallId: part.toolCallId, error: part.errorText ?? 'The tool failed.' }
          : { toolCallId: part.toolCallId, output: part.output },
      );
    return results.length === 0
      ? [{ role: 'assistant', parts }]
      : [
          { role: 'assistant', parts },
          { role: 'tool', results },
        ];
  });
}
