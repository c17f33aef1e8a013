import type { JsonPath } from './parser-types.js';
import type { SchemaNode } from './schema/json-schema.js';

/**
 * One open `[` or `{`. Frames are reused by every container opened at the same depth, so an
 * array's items collect in a buffer that is never handed out and the finished array is one
 * exact-length copy (a fresh `[]` grown by push keeps 17+ slots, which for many small arrays
 * doubles the tree and the garbage collector's work).
 */
export interface OpenContainer {
  isArray: boolean;
  /** For an array: its completed items in `items[0, count)`; slots past `count` are stale. */
  items: unknown[];
  count: number;
  /** For an object: its completed members (a fresh object per container, never handed out while open). */
  members: Record<string, unknown>;
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
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/** Marks "no partial child to show" (undefined is never a JSON value, but a sentinel reads clearer). */
export const NOTHING: unique symbol = Symbol('nothing');

const EMPTY_MEMBERS: Record<string, unknown> = Object.freeze({});

/**
 * The open containers from the root inward, as reusable frames: `open` and `close` allocate
 * only the container's own value. The incremental parser and the tree-sitter backend's value
 * builder both keep their containers and build their snapshots here.
 *
 * @example
 * const stack = new ContainerStack(); stack.open(true, schema, itemSchema); stack.top()?.count; // 0
 */
export class ContainerStack {
  private readonly frames: OpenContainer[] = [];
  /** How many frames are open. */
  depth = 0;

  /** The innermost open container, if any. */
  top(): OpenContainer | undefined {
    return this.depth === 0 ? undefined : this.frames[this.depth - 1];
  }

  open(isArray: boolean, schema: SchemaNode, childSchema: SchemaNode): void {
    const members = isArray ? EMPTY_MEMBERS : {};
    let frame = this.frames[this.depth];
    if (frame) {
      frame.isArray = isArray;
      frame.count = 0;
      frame.members = members;
      frame.key = '';
      frame.hasKey = false;
      frame.schema = schema;
      frame.childSchema = childSchema;
    } else {
      frame = { isArray, items: [], count: 0, members, key: '', hasKey: false, schema, childSchema };
      this.frames.push(frame);
    }
    this.depth++;
  }

  /** Pops the innermost container and returns its finished value (an exact-length array, or the members object). */
  close(): unknown {
    const frame = this.frames[--this.depth] as OpenContainer;
    if (!frame.isArray) {
      const { members } = frame;
      frame.members = EMPTY_MEMBERS;
      return members;
    }
    const { items, count } = frame;
    const value = items.slice(0, count);
    // Drop the references (and a snapshot's open child in slot `count`) so the buffer keeps nothing alive.
    items.fill(undefined, 0, count + 1);
    return value;
  }

  /** Appends a completed value to the innermost container. */
  add(frame: OpenContainer, value: unknown): void {
    if (frame.isArray) frame.items[frame.count++] = value;
    else {
      defineMember(frame.members, frame.key, value);
      frame.hasKey = false;
    }
  }

  /**
   * The path to the child being written in the innermost container: O(depth), built only for
   * listeners and errors.
   *
   * @example
   * stack.pathOfOpenChild(); // ['items', 3]
   */
  pathOfOpenChild(): JsonPath {
    const path: JsonPath = [];
    for (let depth = 0; depth < this.depth; depth++) {
      const frame = this.frames[depth] as OpenContainer;
      path.push(frame.isArray ? frame.count : frame.key);
    }
    return path;
  }

  /**
   * A fresh immutable value for the open path: each open container is copied once (O(width)),
   * completed children are shared by reference, and `partial` (a growing string, or NOTHING)
   * is placed as the innermost open child.
   *
   * @example
   * stack.snapshot('Par'); // { items: [{ id: 1 }, { city: 'Par' }] }
   */
  snapshot(partial: unknown): unknown {
    let child = partial;
    for (let depth = this.depth - 1; depth >= 0; depth--) {
      const frame = this.frames[depth] as OpenContainer;
      if (frame.isArray) {
        const { items, count } = frame;
        if (child === NOTHING) child = items.slice(0, count);
        else {
          // One copy of the final length: the open child goes in the free slot first (the next item overwrites it).
          items[count] = child;
          child = items.slice(0, count + 1);
        }
      } else {
        const copy = { ...frame.members };
        if (child !== NOTHING && frame.hasKey) defineMember(copy, frame.key, child);
        child = copy;
      }
    }
    return child === NOTHING ? undefined : child;
  }
}
