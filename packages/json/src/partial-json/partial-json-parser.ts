import { Allow, MalformedJSON, parse } from 'partial-json';
import { JSONStreamError, afterEnd, invalidChunk } from '../errors.js';
import { guardListener } from '../listener-guard.js';
import type { IncrementalParser, IncrementalParserOptions } from '../parser-types.js';
import { withSchemas } from '../schema/with-schemas.js';
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
 * partial snapshots (partial-json assigns it), though not from the final value. `schema` and
 * `standardSchema` are checked by {@link withSchemas} from the completion events.
 *
 * @example
 * const parser = createPartialJsonParser();
 * parser.push('{"items":[{"id":1},{"id"'); parser.value(); // { items: [{ id: 1 }, {}] }
 */
export function createPartialJsonParser(options: IncrementalParserOptions = {}): IncrementalParser {
  return withSchemas(readWithPartialJson)(options);
}

function readWithPartialJson(options: IncrementalParserOptions = {}): IncrementalParser {
  const guard = guardListener(options.onPathComplete);
  const frontier = guard.listener && new CompletionFrontier(guard.listener);
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
    if (complete) return;
    // A whole document goes through JSON.parse: partial-json assigns keys, so "__proto__" would be lost.
    const head = text.trimStart().charAt(0);
    // A top-level number is whole only once something follows it (or the input ended): "4" may become "42".
    const whole = /[-0-9]/.test(head) && !ended && !/\s$/.test(text) ? undefined : parseWhole(text);
    // partial-json shows a top-level number or literal before it is whole: wait for JSON.parse.
    if (!whole && !'{["'.includes(head)) return;
    try {
      snapshot = shareCompleted(snapshot, whole ? whole.value : withoutHalfSurrogate(parse(text, ALLOW)));
    } catch (error) {
      // partial-json names no reliable offset (it trims the text first): the fault is in what arrived last.
      if (error instanceof MalformedJSON)
        problem = new JSONStreamError({
          kind: 'syntax',
          offset: text.length,
          expected: `valid JSON (partial-json: ${error.message})`,
          path: [],
        });
      return;
    }
    complete = whole !== undefined;
    frontier?.advance(snapshot, complete);
  };

  return {
    push(chunk) {
      if (problem) throw problem;
      if (typeof chunk !== 'string') throw invalidChunk(text.length, chunk);
      if (ended) {
        if (chunk === '') return;
        throw (problem = afterEnd(text.length, chunk));
      }
      text += chunk;
      if (frontier) sync();
      guard.rethrow();
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
      parsedLength = -1; // a trailing top-level number completes now
      sync();
      guard.rethrow();
      if (!problem && !complete) problem = endProblem(text);
      if (problem) throw problem;
    },
  };
}

/**
 * Why a finished text is not a document. JSON.parse's message names the position where engines
 * report one (V8: "… at position N"); a fault at the very end means the text was cut short.
 */
function endProblem(text: string): JSONStreamError {
  if (text.trim() === '')
    return new JSONStreamError({ kind: 'incomplete', offset: text.length, expected: 'a JSON value', path: [] });
  let message = '';
  try {
    JSON.parse(text);
  } catch (error) {
    message = error instanceof Error ? error.message : String(error);
  }
  const position = /position (\d+)/.exec(message)?.[1];
  const cutShort =
    /end of (JSON )?(input|data)|EOF/i.test(message) ||
    (position !== undefined && Number(position) >= text.trimEnd().length);
  if (cutShort)
    return new JSONStreamError({
      kind: 'incomplete',
      offset: text.length,
      expected: 'the rest of the document',
      path: [],
    });
  return new JSONStreamError({
    kind: 'syntax',
    offset: position === undefined ? text.length : Number(position),
    expected: `valid JSON (${message})`,
    path: [],
  });
}

/** partial-json can end a partial string on a lone high surrogate; the rightmost string loses it until its pair arrives. */
function withoutHalfSurrogate(value: unknown): unknown {
  if (typeof value === 'string') return /[\ud800-\udbff]$/.test(value) ? value.slice(0, -1) : value;
  if (Array.isArray(value)) {
    if (value.length === 0) return value;
    const last: unknown = value[value.length - 1];
    const trimmed = withoutHalfSurrogate(last);
    return trimmed === last ? value : [...value.slice(0, -1), trimmed];
  }
  if (typeof value === 'object' && value !== null) {
    const key = Object.keys(value).at(-1);
    if (key === undefined) return value;
    const last: unknown = (value as Record<string, unknown>)[key];
    const trimmed = withoutHalfSurrogate(last);
    if (trimmed === last) return value;
    const copy = { ...value };
    Object.defineProperty(copy, key, { value: trimmed, writable: true, enumerable: true, configurable: true });
    return copy;
  }
  return value;
}

function parseWhole(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}
