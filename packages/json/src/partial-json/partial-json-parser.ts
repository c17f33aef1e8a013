import { Allow, MalformedJSON, PartialJSON, parse } from 'partial-json';
import { JSONStreamError } from '../errors.js';
import type { IncrementalParser, IncrementalParserOptions } from '../parser-types.js';
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
  let problem: JSONStreamError | undefined;

  const sync = (): void => {
    if (parsedLength === text.length || problem) return;
    parsedLength = text.length;
    if (text.trim() === '') return;
    // A whole document goes through JSON.parse: partial-json assigns keys, so "__proto__" would be lost.
    const whole = parseWhole(text);
    try {
      snapshot = shareCompleted(snapshot, whole ? whole.value : parse(text, ALLOW));
    } catch (error) {
      // partial-json names no reliable offset (it trims the text first): the fault is in what arrived last.
      if (error instanceof MalformedJSON) problem = new JSONStreamError({ kind: 'syntax', offset: text.length, expected: `valid JSON (partial-json: ${error.message})`, path: [] });
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
      if (!problem && !complete) problem = endProblem(text);
      if (problem) throw problem;
    },
  };
}

/** Why a finished text is not a document: partial-json without partial types tells truncation from garbage. */
function endProblem(text: string): JSONStreamError {
  try {
    parse(text, 0);
  } catch (error) {
    if (error instanceof PartialJSON || text.trim() === '') {
      return new JSONStreamError({ kind: 'incomplete', offset: text.length, expected: text.trim() === '' ? 'a JSON value' : 'the rest of the document', path: [] });
    }
  }
  // partial-json accepted it, JSON.parse did not: data after the value, or a form JSON forbids.
  return new JSONStreamError({ kind: 'syntax', offset: text.length, expected: 'a single complete JSON value', path: [] });
}

function parseWhole(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}
