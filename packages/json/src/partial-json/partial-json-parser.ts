import { Allow, MalformedJSON, parse } from 'partial-json';
import type { IncrementalParser, IncrementalParserOptions, JsonProblem } from '../tree-sitter/tree-sitter-parser.js';
import { CompletionFrontier } from './completion-frontier.js';
import { shareCompleted } from './share-completed.js';

// Partial strings, arrays and objects only: numbers and literals appear once complete.
const ALLOW = Allow.STR | Allow.ARR | Allow.OBJ;

/**
 * The `partial-json` package behind the incremental-parser interface, for comparison and as a
 * fallback. It re-parses everything received on each `value()`: O(n) per snapshot, O(n²) over a
 * stream snapshotted per chunk. Where it differs from the default parser: completed subtrees keep
 * their identity only by deep comparison with the last snapshot (more O(n) work); completion
 * events fire when a later sibling appears or the document ends, not at the closing token; a
 * number followed only by whitespace still waits; object keys that look like array indexes are
 * reordered by JavaScript, which can delay their events.
 *
 * @example
 * const parser = createPartialJsonParser();
 * parser.push('{"items":[{"id":1},{"id"'); parser.value(); // { items: [{ id: 1 }, {}] }
 */
export function createPartialJsonParser(options: IncrementalParserOptions = {}): IncrementalParser & { problem: JsonProblem | undefined } {
  const { onPathComplete } = options;
  const frontier = onPathComplete && new CompletionFrontier(onPathComplete);
  let text = '';
  let parsedLength = -1;
  let snapshot: unknown;
  let complete = false;
  let ended = false;
  const state = { problem: undefined as JsonProblem | undefined };

  const sync = (): void => {
    if (parsedLength === text.length || state.problem) return;
    parsedLength = text.length;
    if (text.trim() === '') return;
    try {
      snapshot = shareCompleted(snapshot, parse(text, ALLOW));
    } catch (error) {
      if (error instanceof MalformedJSON) state.problem = { message: `partial-json: ${error.message}`, at: text.length };
      return;
    }
    complete = isWhole(text);
    frontier?.advance(snapshot, complete);
  };

  return {
    get problem() {
      return state.problem;
    },
    push(chunk) {
      if (ended) throw new Error('push() after end()');
      text += chunk;
      if (onPathComplete) sync();
    },
    value() {
      sync();
      return snapshot;
    },
    done() {
      sync();
      return complete;
    },
    end() {
      ended = true;
      sync();
      if (!state.problem && !complete) state.problem = { message: text.trim() === '' ? 'no JSON value arrived' : 'the JSON value ended early (unexpected end of input)', at: text.length };
    },
  };
}

function isWhole(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
