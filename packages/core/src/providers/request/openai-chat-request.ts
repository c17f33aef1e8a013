import { defined } from '../payload.js';
import type { Conversation, ConversationMessage, RequestBody } from './conversation.js';
import { toolCallArgumentsText, toolResultText } from './tool-payload.js';

function messages(message: ConversationMessage): RequestBody[] {
  switch (message.role) {
    case 'user':
      return [{ role: 'user', content: message.content }];
    case 'assistant': {
      // Chat Completions takes no reasoning back (OpenRouter's reasoning_details aside); text and tool calls only.
      const text = message.parts.flatMap((p) => (p.type === 'text' ? [p.text] : [])).join('');
      const calls = message.parts.flatMap((p) =>
        p.type === 'tool-call' && !p.providerExecuted
          ? [
              {
                id: p.toolCallId,
                type: 'function',
                function: { name: p.toolName, arguments: toolCallArgumentsText(p) },
              },
            ]
          : [],
      );
      // OpenRouter takes its reasoning_details back, to continue the model's reasoning across tool calls.
      const details = message.parts.flatMap((p) =>
        p.type === 'reasoning' && Array.isArray(p.providerData?.['reasoningDetails'])
          ? (p.providerData['reasoningDetails'] as unknown[])
          : [],
      );
      // A turn with neither (stopped while reasoning) is dropped: the API rejects `content: null` without tool calls.
      if (text === '' && calls.length === 0) return [];
      return [
        defined({
          role: 'assistant',
          content: text === '' ? null : text,
          tool_calls: calls.length > 0 ? calls : undefined,
          reasoning_details: details.length > 0 ? details : undefined,
        }),
      ];
    }
    case 'tool':
      return message.results.map((r) => ({ role: 'tool', tool_call_id: r.toolCallId, content: toolResultText(r) }));
  }
}

/**
 * The OpenAI Chat Completions streaming body, asking for the final usage chunk.
 *
 * @example
 * fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: JSON.stringify(toOpenAIChatRequest(conversation)) });
 */
export function toOpenAIChatRequest(conversation: Conversation): RequestBody {
  const system = conversation.system === undefined ? [] : [{ role: 'system', content: conversation.system }];
  return defined({
    model: conversation.model,
    stream: true,
    stream_options: { include_usage: true },
    messages: [...system, ...conversation.messages.flatMap(messages)],
    tools: conversation.tools?.map((t) => ({
      type: 'function',
      function: defined({ name: t.name, description: t.description, parameters: t.inputSchema }),
    })),
    max_completion_tokens: conversation.maxTokens,
    temperature: conversation.temperature,
    reasoning_effort: conversation.reasoning?.effort,
  });
}
