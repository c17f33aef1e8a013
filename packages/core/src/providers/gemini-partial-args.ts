import { isJson, num, str, type Json } from './payload.js';

/** Gemini's streamed function-call arguments (`partialArgs`), written out as JSON text as they arrive. */
export interface PartialArgsWriter {
  /**
   * The JSON text that one `partialArgs` entry adds; `placed` is false for an entry that could not
   * be placed (its text still closes what it had to, so the JSON stays well formed).
   */
  push(arg: Json): { text: string; placed: boolean };
  /** The text that closes whatever is still open (strings, objects, arrays); '' when nothing was written. */
  end(): string;
}

type Segment = string | number;

interface Frame {
  kind: 'object' | 'array';
  key: Segment | undefined;
  // Members written so far: the next needs a comma; an array's next index.
  count: number;
  keys: Set<string>;
}

// `$.a.b[0]['c.d']` → ['a', 'b', 0, 'c.d']; undefined for a path that is not of that form.
function parsePath(path: string): Segment[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const segments: Segment[] = [];
  const pattern = /\.([^.[\]]+)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]/y;
  pattern.lastIndex = 1;
  while (pattern.lastIndex < path.length) {
    const match = pattern.exec(path);
    if (match === null) return undefined;
    const [, dotted, index, single, double] = match;
    segments.push(index !== undefined ? Number(index) : (dotted ?? single ?? double ?? ''));
  }
  return segments;
}

const quote = (text: string): string => JSON.stringify(text);
// Escaped pieces of one string concatenate into valid JSON string content (each code unit is escaped alone).
const escaped = (text: string): string => quote(text).slice(1, -1);

/** The value of a `partialArgs` entry as JSON text (strings without their closing quote). */
function scalar(arg: Json): { text: string; string: boolean } | undefined {
  const stringValue = str(arg, 'stringValue');
  if (stringValue !== undefined) return { text: `"${escaped(stringValue)}`, string: true };
  const numberValue = num(arg, 'numberValue');
  if (numberValue !== undefined) return { text: String(numberValue), string: false };
  if (typeof arg['boolValue'] === 'boolean') return { text: String(arg['boolValue']), string: false };
  if ('nullValue' in arg) return { text: 'null', string: false };
  return undefined;
}

/**
 * Turns a Gemini function call's `partialArgs` (a `jsonPath` and a value each, strings split over
 * several entries while `willContinue`) into JSON text, appended in order, so the call's input
 * streams through the same incremental parser as any other. Gemini writes paths in document
 * order; an entry that would go back (an earlier array index, a key already written) cannot be
 * appended and is refused.
 *
 * @example
 * const args = createPartialArgsWriter();
 * args.push({ jsonPath: '$.city', stringValue: 'Par', willContinue: true }); // '{"city":"Par'
 * args.push({ jsonPath: '$.city', stringValue: 'is' }); // 'is"'
 * args.end(); // '}'
 */
export function createPartialArgsWriter(): PartialArgsWriter {
  const stack: Frame[] = [];
  let openString: string | undefined;

  const close = (frame: Frame): string => (frame.kind === 'object' ? '}' : ']');

  // Writes a member's separator and key (or pads an array up to `segment`) in the innermost container.
  const member = (segment: Segment): string | undefined => {
    const top = stack.at(-1);
    if (top === undefined) return undefined;
    if (top.kind === 'object') {
      if (typeof segment !== 'string' || top.keys.has(segment)) return undefined;
      top.keys.add(segment);
      const text = `${top.count > 0 ? ',' : ''}${quote(segment)}:`;
      top.count += 1;
      return text;
    }
    if (typeof segment !== 'number' || segment < top.count) return undefined;
    let text = top.count > 0 ? ',' : '';
    for (; top.count < segment; top.count++) text += 'null,';
    top.count += 1;
    return text;
  };

  return {
    push(arg) {
      const path = str(arg, 'jsonPath') ?? '';
      const value = scalar(arg);
      const segments = parsePath(path);
      if (value === undefined || segments === undefined || segments.length === 0) return { text: '', placed: false };
      const more = arg['willContinue'] === true;
      if (openString !== undefined && openString === path && value.string) {
        const tail = value.text.slice(1) + (more ? '' : '"');
        if (!more) openString = undefined;
        return { text: tail, placed: true };
      }
      let text = openString === undefined ? '' : '"';
      openString = undefined;
      if (stack.length === 0) {
        stack.push({ kind: 'object', key: undefined, count: 0, keys: new Set() });
        text += '{';
      }
      // Close the containers the new path leaves, then open the ones it enters.
      let common = 0;
      while (common < stack.length - 1 && common < segments.length - 1 && stack[common + 1]?.key === segments[common])
        common += 1;
      while (stack.length > common + 1) text += close(stack.pop() as Frame);
      for (let depth = common; depth < segments.length - 1; depth++) {
        const segment = segments[depth] as Segment;
        const opening = member(segment);
        if (opening === undefined) return { text, placed: false };
        const kind = typeof segments[depth + 1] === 'number' ? 'array' : 'object';
        stack.push({ kind, key: segment, count: 0, keys: new Set() });
        text += opening + (kind === 'array' ? '[' : '{');
      }
      const opening = member(segments.at(-1) as Segment);
      if (opening === undefined) return { text, placed: false };
      text += opening + value.text;
      if (value.string) {
        if (more) openString = path;
        else text += '"';
      }
      return { text, placed: true };
    },
    end() {
      let text = openString === undefined ? '' : '"';
      openString = undefined;
      while (stack.length > 0) text += close(stack.pop() as Frame);
      return text;
    },
  };
}

/**
 * Whether a `functionCall` part continues a streamed call (`willContinue`) rather than ending it.
 *
 * @example continues({ partialArgs: [], willContinue: true }); // true
 */
export function continues(call: Json): boolean {
  return call['willContinue'] === true;
}

/**
 * The `partialArgs` entries of a `functionCall` part.
 *
 * @example partialArgs({ partialArgs: [{ jsonPath: '$.a', numberValue: 1 }] }); // [{ jsonPath: '$.a', numberValue: 1 }]
 */
export function partialArgs(call: Json): Json[] {
  const args = call['partialArgs'];
  return Array.isArray(args) ? args.filter(isJson) : [];
}
