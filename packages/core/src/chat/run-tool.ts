import type { ToolCallPart } from '../message/types.js';
import type { ChatTool } from './chat-types.js';

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Runs one tool call and returns the settled part: `output-available` with the result, or
 * `output-error` with the thrown error's message (an unknown tool, or a result that cannot be
 * sent as JSON, is an error too, not a throw).
 *
 * @example const settled = await runTool(part, tools[part.toolName], signal);
 */
export async function runTool(part: ToolCallPart, tool: ChatTool | undefined, signal: AbortSignal): Promise<ToolCallPart> {
  if (tool === undefined) return { ...part, state: 'output-error', errorText: `There is no tool named "${part.toolName}".` };
  let output: unknown;
  try {
    output = await tool.execute(part.input, { toolCallId: part.toolCallId, signal });
  } catch (err) {
    return { ...part, state: 'output-error', errorText: messageOf(err) };
  }
  try {
    // The result goes back to the model as JSON: a circular or BigInt value fails here, not when the next request is built.
    JSON.stringify(output);
  } catch (err) {
    return { ...part, state: 'output-error', errorText: `The tool "${part.toolName}" returned a value that cannot be sent as JSON (${messageOf(err)}).` };
  }
  return { ...part, state: 'output-available', output };
}

/**
 * Whether a call must wait for the user's approval.
 *
 * @example needsApproval(tools.delete_file, part.input); // true
 */
export function needsApproval(tool: ChatTool | undefined, input: unknown): boolean {
  const rule = tool?.needsApproval;
  return typeof rule === 'function' ? rule(input) : rule === true;
}
