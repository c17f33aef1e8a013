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
  // The parser's first complaint; after it the parser keeps the value from before the fault.
  let fault: unknown;

  const fail = (err: unknown): void => {
    fault ??= err;
  };

  return {
    push(delta) {
      text += delta;
      if (fault !== undefined) return;
      try {
        parser.push(delta);
      } catch (err) {
        fail(err);
      }
    },
    streaming(base) {
      return { ...base, inputText: text, input: parser.value() };
    },
    complete(base) {
      if (text.trim() === '') return { ...base, inputText: text, input: {}, state: 'input-available' };
      if (fault === undefined) {
        try {
          parser.end();
        } catch (err) {
          fail(err);
        }
      }
      if (fault === undefined) return { ...base, inputText: text, input: parser.value(), state: 'input-available' };
      const reason = fault instanceof Error ? fault.message : String(fault);
      return {
        ...base,
        inputText: text,
        input: parser.value(),
        state: 'output-error',
        errorText: `The tool input is not valid JSON: ${reason}`,
      };
    },
  };
}
