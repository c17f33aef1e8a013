import type { Part, ToolCallPart } from '../../message/types.js';
import { defined, isJson } from '../payload.js';
import type { Conversation, ConversationMessage, RequestBody } from './conversation.js';
import { toolCallArguments, toolResultText } from './tool-payload.js';

type Block = Record<string, unknown>;

// Room for the answer on top of the thinking budget when the caller sets no max.
const DEFAULT_MAX_TOKENS = 4096;

const PROVIDER_CALL_BLOCKS = new Set(['server_tool_use', 'mcp_tool_use']);

/** The id of the call that made this one (code execution calling a tool), if any. */
function callerOf(part: Part): string | undefined {
  const block = part.type === 'tool-call' ? part.providerData?.['block'] : undefined;
  const caller = isJson(block) ? block['caller'] : undefined;
  return isJson(caller) && typeof caller['tool_id'] === 'string' ? caller['tool_id'] : undefined;
}

/**
 * A call Anthropic ran, as the blocks it came in: the `server_tool_use` / `mcp_tool_use` block and,
 * once answered, its result block, each with its own fields kept. A call it has not answered yet
 * (a paused turn) goes back alone: Anthropic finishes it. Another provider's calls are left out.
 */
function providerCallBlocks(part: ToolCallPart): { use?: Block; result?: Block } {
  const block = part.providerData?.['block'];
  if (!isJson(block) || typeof block['type'] !== 'string' || !PROVIDER_CALL_BLOCKS.has(block['type'])) return {};
  const use = { ...block, id: part.toolCallId, name: part.toolName, input: toolCallArguments(part) };
  const result = part.providerData?.['resultBlock'];
  const answered = (part.state === 'output-available' || part.state === 'output-error') && isJson(result);
  return answered ? { use, result: { ...result, tool_use_id: part.toolCallId, content: part.output } } : { use };
}

function partBlocks(part: Part): Block[] {
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
      // Sources come from citations, which the API does not need back (text goes back without them); Anthropic answers carry no files.
      return [];
  }
}

/** The assistant content, each part where it streamed; a call's result comes after the calls it made (as code execution's does). */
function assistantBlocks(parts: Part[]): Block[] {
  const lastCallee = new Map<string, number>();
  parts.forEach((part, index) => {
    const caller = callerOf(part);
    if (caller !== undefined) lastCallee.set(caller, index);
  });
  const deferred = new Map<number, Block[]>();
  const blocks: Block[] = [];
  parts.forEach((part, index) => {
    if (part.type === 'tool-call' && part.providerExecuted) {
      const { use, result } = providerCallBlocks(part);
      if (use !== undefined) blocks.push(use);
      const after = lastCallee.get(part.toolCallId) ?? index;
      if (result !== undefined && after === index) blocks.push(result);
      else if (result !== undefined) deferred.set(after, [...(deferred.get(after) ?? []), result]);
    } else blocks.push(...partBlocks(part));
    blocks.push(...(deferred.get(index) ?? []));
  });
  return blocks;
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
        content: message.results.map((r) =>
          defined({
            type: 'tool_result',
            tool_use_id: r.toolCallId,
            content: toolResultText(r),
            is_error: r.error !== undefined ? true : undefined,
          }),
        ),
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
    tools: conversation.tools?.map((t) =>
      defined({ name: t.name, description: t.description, input_schema: t.inputSchema }),
    ),
    temperature: conversation.temperature,
    thinking: budget === undefined ? undefined : { type: 'enabled', budget_tokens: budget },
  });
}
