import { createIncrementalParser } from '@rill/json';
import type { RillErrorValue } from '../errors.js';
import type { StreamPart } from '../message/types.js';
import { reportEnd } from './callbacks.js';
import { createStreamStore, type StreamStore, type StreamStoreOptions } from './stream-store.js';
import type { StreamState } from './stream-state.js';

/** A key or index path from the root of a JSON value; `[]` is the root. */
export type ValuePath = (string | number)[];

/** The parser contract every @rill/json backend meets (incremental, tree-sitter, partial-json). */
export type StructuredParserFactory = (opts?: { onPathComplete?(path: ValuePath, value: unknown): void; schema?: Record<string, unknown> }) => {
  push(chunk: string): void;
  value(): unknown;
  done(): boolean;
  end(): void;
};

export interface StructuredOptions<T = unknown> {
  /** Parse the message text (default) or the input of the first call to this tool. */
  from?: 'text' | { toolName: string };
  /** The backend: @rill/json's `createIncrementalParser` (default), `createPartialJsonParser`, or the factory `loadTreeSitterBackend()` resolves to. */
  parser?: StructuredParserFactory;
  /** A JSON Schema each completed value is checked against as it completes. */
  schema?: Record<string, unknown>;
  /** Each value (children first, the root last) as soon as it is complete: start cascading work here. */
  onPathComplete?(path: ValuePath, value: unknown): void;
  /** The stream ended; `state` is the final structured snapshot (the one subscribers get), after `onError` when it carries an error. */
  onFinish?(state: StructuredState<T>): void;
}

/** A stream snapshot plus the structured value growing inside it. */
export interface StructuredState<T = unknown> extends StreamState {
  /** The best partial value (immutable, structurally shared between snapshots). */
  object: T | undefined;
  /** The root value is complete. */
  isComplete: boolean;
  /** Paths completed so far, in completion order. */
  completedPaths: ValuePath[];
}

// Omit per member of the union, so `url` / `source` survive.
type WithoutOnFinish<O> = O extends unknown ? Omit<O, 'onFinish'> : never;

/** The options of a structured store: a stream store's, with `onFinish` given the structured state. */
export type StructuredStoreOptions<T = unknown> = WithoutOnFinish<StreamStoreOptions> & StructuredOptions<T>;

/** A stream store whose snapshot also carries the parsed object. */
export interface StructuredStore<T = unknown> extends Omit<StreamStore, 'getSnapshot' | 'setOptions'> {
  getSnapshot(): StructuredState<T>;
  setOptions(options: StructuredStoreOptions<T>): void;
}

const invalid = (err: unknown): RillErrorValue => ({ kind: 'invalid-output', message: err instanceof Error ? err.message : String(err), retryable: true });

/**
 * A stream store that feeds the text (or a tool call's input) deltas to an incremental JSON
 * parser as they arrive (O(delta) each) and takes the partial value once per published frame.
 * Bad JSON or a schema violation becomes an `invalid-output` error; the value that arrived stays.
 * `onError` and `onFinish` see the structured final state, so a parse error reaches `onError` too.
 *
 * @example
 * const store = createStructuredStore({ url: '/api/extract', provider: 'openai-chat', body, onPathComplete: (path) => console.log(path) });
 * store.subscribe(() => render(store.getSnapshot().object));
 * store.start();
 */
export function createStructuredStore<T = unknown>(options: StructuredStoreOptions<T>): StructuredStore<T> {
  let opts = options;
  let parser: ReturnType<StructuredParserFactory> | undefined;
  let completed: ValuePath[] = [];
  let parseError: RillErrorValue | undefined;
  let toolCallId: string | undefined;
  let cache: { base: StreamState; state: StructuredState<T> } | undefined;

  const guard = (action: () => void): void => {
    if (parseError !== undefined || parser === undefined) return;
    try {
      action();
    } catch (err) {
      parseError = invalid(err);
    }
  };

  const onPart = (part: StreamPart): void => {
    const from = opts.from ?? 'text';
    if (from === 'text' && part.type === 'text-delta') guard(() => parser?.push(part.delta));
    if (from !== 'text' && part.type === 'tool-input-start' && toolCallId === undefined && part.toolName === from.toolName) toolCallId = part.toolCallId;
    if (from !== 'text' && part.type === 'tool-input-delta' && part.toolCallId === toolCallId) guard(() => parser?.push(part.delta));
    if (part.type === 'done') guard(() => parser?.end());
    opts.onPart?.(part);
  };

  // The base store's end callbacks would see its own state: no object, no parse error.
  const onFinish = (): void => reportEnd(getSnapshot(), opts);

  const wrap = (next: StructuredStoreOptions<T>): StreamStoreOptions => ({ ...next, onPart, onError: undefined, onFinish });
  const store = createStreamStore(wrap(opts));

  const reset = (): void => {
    completed = [];
    parseError = undefined;
    toolCallId = undefined;
    cache = undefined;
    const factory = opts.parser ?? (createIncrementalParser as StructuredParserFactory);
    parser = factory({
      ...(opts.schema !== undefined && { schema: opts.schema }),
      onPathComplete: (path, value) => {
        completed.push(path);
        opts.onPathComplete?.(path, value);
      },
    });
  };

  const getSnapshot = (): StructuredState<T> => {
    const base = store.getSnapshot();
    if (cache?.base === base) return cache.state;
    // After a fault the parser still returns what arrived before it; a backend that throws keeps the last value.
    let object: unknown = cache?.state.object;
    try {
      object = parser?.value();
    } catch (err) {
      parseError ??= invalid(err);
    }
    const error = base.error ?? parseError;
    // Copied once per published frame, not once per completion (that would be O(n²) over a long array).
    const previous = cache?.state.completedPaths;
    const completedPaths = previous?.length === completed.length ? previous : completed.slice();
    const state: StructuredState<T> = { ...base, ...(error !== undefined && { error }), object: object as T | undefined, isComplete: parser?.done() === true && parseError === undefined, completedPaths };
    cache = { base, state };
    return state;
  };

  return {
    ...store,
    getSnapshot,
    start(body) {
      reset();
      store.start(body);
    },
    attach(handle, message) {
      reset();
      store.attach(handle, message);
    },
    retry() {
      reset();
      store.retry();
    },
    setOptions(next) {
      opts = next;
      store.setOptions(wrap(next));
    },
  };
}
