import type { JsonPath } from '../parser-types.js';
import type { SchemaNode } from '../schema/json-schema.js';

/** One open `[` or `{`: its completed children (never handed out, so free to grow) and the schema in force. */
export interface OpenContainer {
  /** Set for an array: its completed items. */
  items: unknown[] | undefined;
  /** Set for an object: its completed members. */
  members: Record<string, unknown> | undefined;
  /** For an object, the key of the member being written ('' until a key completes). */
  key: string;
  /** Whether `key` is complete (so a value may follow and be shown). */
  hasKey: boolean;
  /** The container's own sub-schema. */
  schema: SchemaNode;
  /** The sub-schema of the child being written. */
  childSchema: SchemaNode;
}

/**
 * Sets an own data property even for "__proto__", as JSON.parse does (plain assignment would call the prototype setter).
 *
 * @example
 * defineMember(target, '__proto__', {}); // Object.hasOwn(target, '__proto__') === true
 */
export function defineMember(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/** Marks "no partial child to show" (undefined is never a JSON value, but a sentinel reads clearer). */
export const NOTHING: unique symbol = Symbol('nothing');

/**
 * The path to the child being written in the innermost container: O(depth), built only for
 * listeners and errors.
 *
 * @example
 * pathOfOpenChild(stack); // ['items', 3]
 */
export function pathOfOpenChild(stack: readonly OpenContainer[]): JsonPath {
  const path: JsonPath = [];
  for (const container of stack) path.push(container.items ? container.items.length : container.key);
  return path;
}

/**
 * A fresh immutable value for the open path: each open container is copied once (O(width)),
 * completed children are shared by reference, and `partial` (a growing string, or NOTHING)
 * is placed as the innermost open child.
 *
 * @example
 * snapshotOpenPath(stack, 'Par'); // { items: [{ id: 1 }, { city: 'Par' }] }
 */
export function snapshotOpenPath(stack: readonly OpenContainer[], partial: unknown): unknown {
  let child = partial;
  for (let depth = stack.length - 1; depth >= 0; depth--) {
    const container = stack[depth] as OpenContainer;
    if (container.items) {
      // One allocation of the final length: slice-then-push would copy the whole array twice.
      child = child === NOTHING ? container.items.slice() : container.items.concat([child]);
    } else {
      const copy = { ...container.members };
      if (child !== NOTHING && container.hasKey) defineMember(copy, container.key, child);
      child = copy;
    }
  }
  return child === NOTHING ? undefined : child;
}
