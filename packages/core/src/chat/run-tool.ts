import type { ToolCallPart } from '../message/types.js';
import type { ChatTool } from './chat-types.js';
import { checkToolInput, checkToolInputNow } from './tool-schema.js';

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Runs one tool call and returns the settled part: `output-available` with the result, or
 * `output-error` with the thrown error's message (an unknown tool, an input its schema refuses,
 * or a result that cannot be sent as JSON, is an error too, not a throw). `execute` gets the input
 * as the schema gives it back (a Standard Schema's transforms applied).
 *
 * @example const settled = await runTool(part, tools[part.toolName], signal);
 */
export async function runTool(
  part: ToolCallPart,
  tool: ChatTool | undefined,
  signal: AbortSignal,
): Promise<ToolCallPart> {
  if (tool === undefined)
    return { ...part, state: 'output-error', errorText: `There is no tool named "${part.toolName}".` };
  const checked = await checkToolInput(tool.inputSchema, part.input);
  if ('error' in checked)
    return {
      ...part,
      state: 'output-error',
      errorText: `The input does not match the tool's schema: ${checked.error}`,
    };
  let output: unknown;
  try {
    // The schema vouched for the input: it has the type the tool was written for (erased in `ChatTool`).
    output = await tool.execute(checked.input as never, { toolCallId: part.toolCallId, signal });
  } catch (err) {
    return { ...part, state: 'output-error', errorText: messageOf(err) };
  }
  try {
    // The result goes back to the model as JSON: a circular or BigInt value fails here, not when the next request is built.
    JSON.stringify(output);
  } catch (err) {
    return {
      ...part,
      state: 'output-error',
      errorText: `The tool "${part.toolName}" returned a value that cannot be sent as JSON (${messageOf(err)}).`,
    };
  }
  return { ...part, state: 'output-available', output };
}

/**
 * Whether a call must wait for the user's approval. A `needsApproval` function is asked only about
 * an input its schema accepts (one it refuses fails without running); when it cannot be asked (an
 * asynchronous Standard Schema) or throws, the call waits, which is the safe side.
 *
 * @example needsApproval(tools.delete_file, part.input); // true
 */
export function needsApproval(tool: ChatTool | undefined, input: unknown): boolean {
  const rule = tool?.needsApproval;
  if (typeof rule !== 'function') return rule === true;
  const checked = checkToolInputNow(tool?.inputSchema, input);
  if (checked === undefined) return true;
  if ('error' in checked) return false;
  try {
    return rule(checked.input as never);
  } catch {
    return true;
  }
}
