import type { IncrementalParserOptions, JsonPath } from './parser-types.js';

type Listener = NonNullable<IncrementalParserOptions['onPathComplete']>;

/** An `onPathComplete` listener whose throw is held while the parser finishes its input, then rethrown once. */
export interface ListenerGuard {
  /** The listener to call from inside the parser (undefined when there is none). */
  readonly listener: Listener | undefined;
  /** Throws the first error the listener threw since the last call, if any. */
  rethrow(): void;
}

/**
 * Wraps a listener so a throw cannot cut a push short (which would drop the rest of the chunk
 * and skew every later offset); the parser rethrows it once its input is consumed.
 *
 * @example
 * const guard = guardListener(options.onPathComplete);
 * guard.listener?.(['a'], 1); guard.rethrow(); // throws what the listener threw, if it did
 */
export function guardListener(listener: Listener | undefined): ListenerGuard {
  let held: { error: unknown } | undefined;
  return {
    listener:
      listener &&
      ((path: JsonPath, value: unknown) => {
        try {
          listener(path, value);
        } catch (error) {
          held ??= { error };
        }
      }),
    rethrow() {
      const thrown = held;
      held = undefined;
      if (thrown) throw thrown.error;
    },
  };
}
