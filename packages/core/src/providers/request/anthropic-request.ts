import type { Part } from '../../message/types.js';
import { defined } from '../payload.js';
import type { Conversation, ConversationMessage, RequestBody } from './conversation.js';
import { toolCallArguments, toolResultText } from './tool-payload.js';

type Block = Record<string, unknown>;

// Room for the answer on top of the thinking budget when the caller sets no max.
const DEFAULT_MAX_TOKENS = 4096;

function assistantBlocks(parts: Part[]): Block[] {
  return parts.flatMap((part): Block[] => {
    switch (part.type) {
      case 'text':
        return part.text === '' ? [] : [{ type: 'text', text: part.text }];
      case 'reasoning':
        if (part.redacted) return [{ type: 'redacted_thinking', data: part.text }];
        // Anthropic rejects thinking it cannot verify: without its signature it is left out.
        return part.signature === undefined ? [] : [{ type: 'thinking', thinking: part.text, signature: part.signature }];
      case 'tool-call':
        return [{ type: 'tool_use', id: part.toolCallId, name: part.toolName, input: toolCallArguments(part) }];
      case 'source':
      case 'file':
        // Sources come from citations, which the API does not need back; Anthropic answers carry no files.
        return [];
    }
  });
}

function turn(message: ConversationMessage): { role: 'user' | 'assistant'; content: Block[] } {
  switch (message.role) {
    case 'user':
      return { role: 'user', content: [{ type: 'text', text: message.content }] };
    case 'assistant':
      return { role: 'assistant', content: assistantBlocks(message.parts) };
    case 'tool':
      return {
        role: 'user',
        content: message.results.map((r) => defined({ type: 'tool_result', tool_use_id: r.toolCallId, content: toolResultText(r), is_error: r.error !== undefined ? true : undefined })),
      };
  }
}

/**
 * The Anthropic Messages streaming body. Consecutive turns of one role merge (tool results and the
 * next user text share a user turn); thinking goes back with its signature, as multi-turn thinking requires.
 *
 * @example
 * fetch('https://api.anthropic.com/v1/messages', { method: 'POST', body: JSON.stringify(toAnthropicRequest(conversation)) });
 */
export function toAnthropicRequest(conversation: Conversation): RequestBody {
  const messages: { role: 'user' | 'assistant'; content: Block[] }[] = [];
  for (const message of conversation.messages) {
    const next = turn(message);
    // An assistant turn of unsigned reasoning only has nothing Anthropic would accept.
    if (next.content.length === 0) continue;
    const last = messages.at(-1);
    if (last?.role === next.role) last.content.push(...next.content);
    else messages.push(next);
  }
  const budget = conversation.reasoning?.budgetTokens;
  return defined({
    model: conversation.model,
    max_tokens: conversation.maxTokens ?? (budget ?? 0) + DEFAULT_MAX_TOKENS,
    stream: true,
    system: conversation.system,
    messages,
    tools: conversation.tools?.map((t) => defined({ name: t.name, description: t.description, input_schema: t.inputSchema })),
    temperature: conversation.temperature,
    thinking: budget === undefined ? undefined : { type: 'enabled', budget_tokens: budget },
  });
}
