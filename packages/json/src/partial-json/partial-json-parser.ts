import { Allow, MalformedJSON, parse } from 'partial-json';
import { JsonSyntaxError } from '../tree-sitter/json-syntax-error.js';
import type { IncrementalParser, IncrementalParserOptions } from '../tree-sitter/tree-sitter-parser.js';
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
 * reordered by JavaScript, which can delay their events; a "__proto__" key is missing from
 * partial snapshots (partial-json assigns it), though not from the final value.
 *
 * @example
 * const parser = createPartialJsonParser();
 * parser.push('{"items":[{"id":1},{"id"'); parser.value(); // { items: [{ id: 1 }, {}] }
 */
export function createPartialJsonParser(options: IncrementalParserOptions = {}): IncrementalParser {
  const { onPathComplete } = options;
  const frontier = onPathComplete && new CompletionFrontier(onPathComplete);
  let text = '';
  let parsedLength = -1;
  let snapshot: unknown;
  let complete = false;
  let ended = false;
  let problem: JsonSyntaxError | undefined;

  const sync = (): void => {
    if (parsedLength === text.length || problem) return;
    parsedLength = text.length;
    if (text.trim() === '') return;
    // A whole document goes through JSON.parse: partial-json assigns keys, so "__proto__" would be lost.
    const whole = parseWhole(text);
    try {
      snapshot = shareCompleted(snapshot, whole ? whole.value : parse(text, ALLOW));
    } catch (error) {
      if (error instanceof MalformedJSON) problem = new JsonSyntaxError(`partial-json: ${error.message}`, text.length);
      return;
    }
    complete = whole !== undefined;
    frontier?.advance(snapshot, complete);
  };

  return {
    push(chunk) {
      if (ended) throw new Error('push() after end()');
      if (problem) throw problem;
      text += chunk;
      if (onPathComplete) sync();
      if (problem) throw problem;
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
      if (!problem && !complete) problem = new JsonSyntaxError(text.trim() === '' ? 'no JSON value arrived' : 'the JSON value ended early (unexpected end of input)', text.length);
      if (problem) throw problem;
    },
  };
}

function parseWhole(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}
