import { defineMember } from '../container-stack.js';
import type { JsonPath } from '../parser-types.js';

/**
 * What a document held before the value at `path` began: that value and everything after it
 * (later items and keys, on every level) are left out; the containers on the path are copied
 * once and every earlier child is shared by reference. Keys keep JavaScript's order, which is
 * the document's unless a key looks like an array index.
 *
 * @example
 * valueBefore({ items: [{ id: 1 }, { id: 2.5 }, { id: 3 }] }, ['items', 1, 'id']); // { items: [{ id: 1 }, {}] }
 */
export function valueBefore(root: unknown, path: JsonPath): unknown {
  if (path.length === 0 || typeof root !== 'object' || root === null) return undefined;
  const [key, ...rest] = path;
  if (Array.isArray(root)) {
    const index = typeof key === 'number' ? key : root.length;
    const kept: unknown[] = root.slice(0, index);
    if (rest.length > 0 && index < root.length) kept.push(valueBefore(root[index], rest));
    return kept;
  }
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(root)) {
    if (name === String(key)) {
      if (rest.length > 0) defineMember(kept, name, valueBefore(value, rest));
      break;
    }
    defineMember(kept, name, value);
  }
  return kept;
}
