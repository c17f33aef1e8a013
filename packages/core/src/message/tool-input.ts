import { createIncrementalParser } from '@rill/json';
import type { ToolCallPart } from './types.js';

/** One tool call's streaming arguments: raw text plus an incremental parser fed only the new text. */
export interface ToolInput {
  /** Appends a delta: O(delta). */
  push(delta: string): void;
  /** The part as it streams: `input` is the parser's partial value, taken only when asked. */
  streaming(base: ToolCallPart): ToolCallPart;
  /** The finished part: the parsed arguments, or `output-error` when they are not valid JSON. */
  complete(base: ToolCallPart): ToolCallPart;
}

/**
 * Tracks one tool call's input. Empty arguments mean `{}` (providers send none for a tool without
 * parameters); arguments that do not parse at the end make the call `output-error`, keeping the
 * text and the best partial value, since such a call cannot be run.
 *
 * @example
 * const input = createToolInput();
 * input.push('{"city":"Par');
 * input.streaming(part).input; // { city: 'Par' }
 */
export function createToolInput(): ToolInput {
  const parser = createIncrementalParser();
  let text = '';
  // A parser that rejected the text keeps its last partial value; the end decides the outcome.
  let rejected = false;
  let last: unknown;

  const partial = (): unknown => {
    if (rejected) return last;
    try {
      last = parser.value();
    } catch {
      rejected = true;
    }
    return last;
  };

  return {
    push(delta) {
      text += delta;
      if (rejected) return;
      try {
        parser.push(delta);
      } catch {
        rejected = true;
      }
    },
    streaming(base) {
      return { ...base, inputText: text, input: partial() };
    },
    complete(base) {
      if (text.trim() === '') return { ...base, inputText: text, input: {}, state: 'input-available' };
      try {
        return { ...base, inputText: text, input: JSON.parse(text) as unknown, state: 'input-available' };
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        return { ...base, inputText: text, input: partial(), state: 'output-error', errorText: `The tool input is not valid JSON: ${reason}` };
      }
    },
  };
}
