/**
 * Returns `next`, except that every subtree deep-equal to the one at the same place in `previous`
 * is `previous`'s own object: re-parsing builds new objects, this restores structural sharing.
 *
 * @example
 * const a = { done: { x: 1 }, list: [1] };
 * shareCompleted(a, { done: { x: 1 }, list: [1, 2] }).done === a.done; // true
 */
export function shareCompleted(previous: unknown, next: unknown): unknown {
  if (
    previous === next ||
    typeof previous !== 'object' ||
    typeof next !== 'object' ||
    previous === null ||
    next === null
  )
    return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(previous)) return next;
    let same = previous.length === next.length;
    const items = next.map((item: unknown, index) => {
      const shared = shareCompleted(previous[index], item);
      same &&= shared === previous[index];
      return shared;
    });
    return same ? previous : items;
  }
  if (Array.isArray(previous)) return next;
  const before = previous as Record<string, unknown>;
  const keys = Object.keys(next);
  let same = keys.length === Object.keys(before).length;
  const result: Record<string, unknown> = {};
  for (const key of keys) {
    const shared = shareCompleted(before[key], (next as Record<string, unknown>)[key]);
    same &&= Object.hasOwn(before, key) && shared === before[key];
    Object.defineProperty(result, key, { value: shared, writable: true, enumerable: true, configurable: true });
  }
  return same ? previous : result;
}
