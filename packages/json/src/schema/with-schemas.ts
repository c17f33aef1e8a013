import { JSONStreamError } from '../errors.js';
import type {
  IncrementalParser,
  IncrementalParserFactory,
  IncrementalParserOptions,
  JsonPath,
} from '../parser-types.js';
import { itemSchema, propertySchema, schemaViolation } from './json-schema.js';
import type { SchemaNode } from './json-schema.js';
import { validateStandard } from './standard-schema.js';
import { valueBefore } from './value-before.js';

function schemaAt(root: SchemaNode, path: JsonPath): SchemaNode {
  let schema = root;
  for (const key of path) schema = typeof key === 'number' ? itemSchema(schema) : propertySchema(schema, key);
  return schema;
}

/**
 * Gives any backend the `schema` and `standardSchema` options, checked from its completion
 * events (O(depth) per value to find the sub-schema). Offsets are the characters pushed when the
 * backend reported the value, so they are only as early as its events (see its docs). After a
 * `schema` violation, `value()` is what the document held before the violating value began, as
 * with the default parser. Without either option the backend is returned as it is.
 *
 * @example
 * const create = withSchemas(createPartialJsonParser);
 * const parser = create({ schema: { type: 'object', properties: { id: { type: 'integer' } } } });
 * parser.push('{"id":1.5}'); // throws JSONStreamError (schema, path ['id']) by end() at the latest
 */
export function withSchemas(makeParser: IncrementalParserFactory): IncrementalParserFactory {
  return (opts: IncrementalParserOptions = {}): IncrementalParser => {
    const { schema, standardSchema, onPathComplete } = opts;
    if (schema === undefined && standardSchema === undefined) return makeParser(opts);
    let received = 0;
    // The first schema error, thrown again by every later push and end.
    let failure: JSONStreamError | undefined;
    // Where a JSON Schema violation is (a Standard Schema judges the whole value): value() stops before it.
    let violated: JsonPath | undefined;
    let before: { value: unknown } | undefined;
    const inner = makeParser({
      onPathComplete(path, value) {
        const violation = schema === undefined || failure ? undefined : schemaViolation(schemaAt(schema, path), value);
        if (violation) {
          violated = [...path];
          failure = new JSONStreamError({ kind: 'schema', offset: received, path: violated, ...violation });
        }
        if (failure) throw failure;
        onPathComplete?.(path, value);
      },
    });
    // A violation may surface inside the backend as any exception; ours is the one to report.
    const run = (step: () => void): void => {
      if (failure) throw failure;
      try {
        step();
      } catch (error) {
        throw failure ?? error;
      }
    };
    return {
      push(chunk) {
        run(() => inner.push(chunk));
        received += chunk.length;
      },
      value() {
        if (violated === undefined) return inner.value();
        // No input is taken after the violation, so this is computed once.
        before ??= { value: valueBefore(inner.value(), violated) };
        return before.value;
      },
      done: () => violated === undefined && inner.done(),
      end() {
        run(() => inner.end());
        if (standardSchema === undefined) return;
        try {
          validateStandard(standardSchema, inner.value(), received);
        } catch (error) {
          if (error instanceof JSONStreamError) failure = error;
          throw error;
        }
      },
    };
  };
}
