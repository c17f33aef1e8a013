import type { ToolCallPart } from '../message/types.js';
import type { ChatTool } from './chat-types.js';

/**
 * Runs one tool call and returns the settled part: `output-available` with the result, or
 * `output-error` with the thrown error's message (an unknown tool is an error too, not a throw).
 *
 * @example const settled = await runTool(part, tools[part.toolName], signal);
 */
export async function runTool(part: ToolCallPart, tool: ChatTool | undefined, signal: AbortSignal): Promise<ToolCallPart> {
  if (tool === undefined) return { ...part, state: 'output-error', errorText: `There is no tool named "${part.toolName}".` };
  try {
    const output: unknown = await tool.execute(part.input, { toolCallId: part.toolCallId, signal });
    return { ...part, state: 'output-available', output };
  } catch (err) {
    return { ...part, state: 'output-error', errorText: err instanceof Error ? err.message : String(err) };
  }
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
