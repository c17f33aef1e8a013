import {
  createIncrementalParser,
  type IncrementalParser,
  type IncrementalParserFactory,
  type JSONSchema,
  type JsonPath,
} from '@rill/json';
import type { RillErrorValue } from '../errors.js';
import type { StreamPart } from '../message/types.js';
import { reportEnd } from './callbacks.js';
import type { PartSource } from './part-source.js';
import { createStreamStore, sourceOf, type StreamStore, type StreamStoreOptions } from './stream-store.js';
import type { StreamState } from './stream-state.js';

/** A key or index path from the root of a JSON value; `[]` is the root (@rill/json's `JsonPath`). */
export type ValuePath = JsonPath;

/** The parser contract every @rill/json backend meets (incremental, tree-sitter, partial-json): @rill/json's `IncrementalParserFactory`. */
export type StructuredParserFactory = IncrementalParserFactory;

export interface StructuredOptions<T = unknown> {
  /** Parse the message text (default) or the input of the first call to this tool. */
  from?: 'text' | { toolName: string } | undefined;
  /** The backend: @rill/json's `createIncrementalParser` (default), `createPartialJsonParser`, or the factory `loadTreeSitterBackend()` resolves to. */
  parser?: StructuredParserFactory | undefined;
  /** A JSON Schema each completed value is checked against as it completes. */
  schema?: Record<string, unknown> | undefined;
  /** Each value (children first, the root last) as soon as it is complete: start cascading work here. */
  onPathComplete?: ((path: ValuePath, value: unknown) => void) | undefined;
  /** The stream ended; `state` is the final structured snapshot (the one subscribers get), after `onError` when it carries an error. */
  onFinish?: ((state: StructuredState<T>) => void) | undefined;
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

const invalid = (err: unknown): RillErrorValue => ({
  kind: 'invalid-output',
  message: err instanceof Error ? err.message : String(err),
  retryable: true,
});

/** One run's parse: the parser, what it completed, and its first fault. */
interface Parse {
  parser: IncrementalParser;
  completed: ValuePath[];
  error?: RillErrorValue;
  toolCallId?: string;
}

/**
 * A stream store that feeds the text (or a tool call's input) deltas to an incremental JSON
 * parser as they arrive (O(delta) each) and takes the partial value once per published frame.
 * Bad JSON or a schema violation ends the stream at once with status `error` and an
 * `invalid-output` error (the generation is stopped upstream, as by `stop()`); `object` keeps
 * what arrived before the fault, without the value that broke the schema.
 * `onError` and `onFinish` see the structured final state.
 *
 * @example
 * const store = createStructuredStore({ url: '/api/extract', provider: 'openai-chat', body, onPathComplete: (path) => console.log(path) });
 * store.subscribe(() => render(store.getSnapshot().object));
 * store.start();
 */
export function createStructuredStore<T = unknown>(options: StructuredStoreOptions<T>): StructuredStore<T> {
  let opts = options;
  let cache: { base: StreamState; state: StructuredState<T> } | undefined;

  // The part that ends the stream when this part breaks the document, else undefined.
  const feed = (mine: Parse, part: StreamPart): StreamPart | undefined => {
    const from = opts.from ?? 'text';
    const delta =
      from === 'text'
        ? part.type === 'text-delta'
          ? part.delta
          : undefined
        : part.type === 'tool-input-delta' && part.toolCallId === mine.toolCallId
          ? part.delta
          : undefined;
    if (
      from !== 'text' &&
      part.type === 'tool-input-start' &&
      mine.toolCallId === undefined &&
      part.toolName === from.toolName
    )
      mine.toolCallId = part.toolCallId;
    try {
      if (delta !== undefined) mine.parser.push(delta);
      if (part.type === 'done') mine.parser.end();
    } catch (err) {
      mine.error = invalid(err);
      return { type: 'error', error: mine.error };
    }
    return undefined;
  };

  // Parses the parts on their way to the store, so a fault ends the run as an error and stops it upstream.
  const parsed =
    (source: PartSource): PartSource =>
    (context) => {
      const mine = parse;
      const stopper = new AbortController();
      context.stopSignal?.addEventListener('abort', () => stopper.abort(), { once: true });
      const parts = source({ ...context, stopSignal: stopper.signal });
      return (async function* () {
        for await (const part of parts) {
          const fault = feed(mine, part);
          if (fault !== undefined) {
            stopper.abort();
            yield fault;
            return;
          }
          yield part;
        }
      })();
    };

  // The base store's end callbacks would see its own state: no object.
  const onFinish = (): void => reportEnd(getSnapshot(), opts);

  const wrap = (next: StructuredStoreOptions<T>): StreamStoreOptions => ({
    ...next,
    source: parsed(sourceOf(next)),
    onError: undefined,
    onFinish,
  });
  const store = createStreamStore(wrap(opts));

  // A fresh parse for each run (start, attach, retry), made before the run's first snapshot.
  const newParse = (): Parse => {
    const factory = opts.parser ?? createIncrementalParser;
    const completed: ValuePath[] = [];
    const mine: Parse = {
      completed,
      parser: factory({
        // Typed loosely for users (a schema read from a file widens `type` to string); the parser checks the keywords it knows.
        ...(opts.schema !== undefined && { schema: opts.schema as JSONSchema }),
        onPathComplete: (path, value) => {
          completed.push(path);
          // A run replaced by a newer one may still be read to its end: its paths are not reported.
          if (parse === mine) opts.onPathComplete?.(path, value);
        },
      }),
    };
    return mine;
  };
  let parse = newParse();
  const reset = (): void => {
    cache = undefined;
    parse = newParse();
  };

  const getSnapshot = (): StructuredState<T> => {
    const base = store.getSnapshot();
    if (cache?.base === base) return cache.state;
    const { completed } = parse;
    // Copied once per published frame, not once per completion (that would be O(n²) over a long array).
    const previous = cache?.state.completedPaths;
    const completedPaths = previous?.length === completed.length ? previous : completed.slice();
    const state: StructuredState<T> = {
      ...base,
      object: parse.parser.value() as T | undefined,
      isComplete: parse.parser.done() && parse.error === undefined,
      completedPaths,
    };
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
