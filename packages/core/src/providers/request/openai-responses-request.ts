import type { FilePart, Part, ToolCallPart } from '../../message/types.js';
import { defined, isJson } from '../payload.js';
import type { Conversation, ConversationMessage, RequestBody } from './conversation.js';
import { toolCallArgumentsText, toolResultText } from './tool-payload.js';

const PROVIDER_ITEMS = new Set([
  'web_search_call',
  'file_search_call',
  'code_interpreter_call',
  'image_generation_call',
  'mcp_call',
]);

/**
 * A call OpenAI ran, as the output item it finished with (a generated image's `result` taken back
 * from its file part). A call without its finished item (an interrupted turn) or another provider's
 * is left out: the API takes only complete items.
 */
function providerItem(part: ToolCallPart, files: ReadonlyMap<string, FilePart>): RequestBody[] {
  const type = part.providerData?.['type'];
  if (typeof type !== 'string' || !PROVIDER_ITEMS.has(type) || !isJson(part.output)) return [];
  const image = files.get(part.toolCallId);
  return [image?.data === undefined || image.partial ? part.output : { ...part.output, result: image.data }];
}

function assistantItems(parts: Part[]): RequestBody[] {
  const files = new Map(
    parts.flatMap((p) => (p.type === 'file' && p.toolCallId !== undefined ? [[p.toolCallId, p] as const] : [])),
  );
  return parts.flatMap((part): RequestBody[] => {
    switch (part.type) {
      case 'text':
        return part.text === '' ? [] : [{ role: 'assistant', content: [{ type: 'output_text', text: part.text }] }];
      case 'reasoning':
        // Only encrypted reasoning can be handed back statelessly (with its item id); a summary alone is not accepted.
        return part.signature === undefined
          ? []
          : [
              defined({
                type: 'reasoning',
                id: part.itemId,
                summary: part.text === '' ? [] : [{ type: 'summary_text', text: part.text }],
                encrypted_content: part.signature,
              }),
            ];
      case 'tool-call':
        if (part.providerExecuted) return providerItem(part, files);
        return [
          {
            type: 'function_call',
            call_id: part.toolCallId,
            name: part.toolName,
            arguments: toolCallArgumentsText(part),
          },
        ];
      case 'source':
        // Sources come from the text's annotations; the API does not need them back.
        return [];
      case 'file':
        // A generated image goes back inside its image_generation_call item.
        return [];
    }
  });
}

function items(message: ConversationMessage): RequestBody[] {
  switch (message.role) {
    case 'user':
      return [{ role: 'user', content: [{ type: 'input_text', text: message.content }] }];
    case 'assistant':
      return assistantItems(message.parts);
    case 'tool':
      return message.results.map((r) => ({
        type: 'function_call_output',
        call_id: r.toolCallId,
        output: toolResultText(r),
      }));
  }
}

/**
 * The OpenAI Responses streaming body. It is stateless (`store: false`): with reasoning on, it asks
 * for encrypted reasoning, which later turns hand back as the reasoning part's signature.
 *
 * @example
 * fetch('https://api.openai.com/v1/responses', { method: 'POST', body: JSON.stringify(toOpenAIResponsesRequest(conversation)) });
 */
export function toOpenAIResponsesRequest(conversation: Conversation): RequestBody {
  const reasoning = conversation.reasoning;
  return defined({
    model: conversation.model,
    stream: true,
    store: false,
    instructions: conversation.system,
    input: conversation.messages.flatMap(items),
    tools: conversation.tools?.map((t) =>
      defined({ type: 'function', name: t.name, description: t.description, parameters: t.inputSchema }),
    ),
    max_output_tokens: conversation.maxTokens,
    temperature: conversation.temperature,
    reasoning: reasoning === undefined ? undefined : defined({ effort: reasoning.effort, summary: 'auto' }),
    include: reasoning === undefined ? undefined : ['reasoning.encrypted_content'],
  });
}
