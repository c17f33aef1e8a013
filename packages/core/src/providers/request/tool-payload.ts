import type { ToolCallPart } from '../../message/types.js';
import type { ToolResult } from './conversation.js';

/**
 * A tool result as the text providers take: strings as they are, anything else as JSON.
 *
 * @example toolResultText({ toolCallId: 'c1', output: { temp: 21 } }); // '{"temp":21}'
 */
export function toolResultText(result: ToolResult): string {
  if (result.error !== undefined) return result.error;
  return typeof result.output === 'string' ? result.output : (JSON.stringify(result.output) ?? 'null');
}

/**
 * A tool call's arguments as an object: the parsed input, `{}` when there is none.
 *
 * @example toolCallArguments(part); // { city: 'Paris' }
 */
export function toolCallArguments(part: ToolCallPart): unknown {
  return part.input ?? {};
}

/**
 * A tool call's arguments as JSON text (always valid JSON, even if the streamed text was not).
 *
 * @example toolCallArgumentsText(part); // '{"city":"Paris"}'
 */
export function toolCallArgumentsText(part: ToolCallPart): string {
  return JSON.stringify(toolCallArguments(part));
}
