import { JSONStreamError } from '../errors.js';
import type { IncrementalParser, IncrementalParserFactory, IncrementalParserOptions, JsonPath } from '../parser-types.js';
import { itemSchema, propertySchema, schemaViolation } from './json-schema.js';
import type { SchemaNode } from './json-schema.js';
import { validateStandard } from './standard-schema.js';

function schemaAt(root: SchemaNode, path: JsonPath): SchemaNode {
  let schema = root;
  for (const key of path) schema = typeof key === 'number' ? itemSchema(schema) : propertySchema(schema, key);
  return schema;
}

/**
 * Gives any backend the `schema` and `standardSchema` options, checked from its completion
 * events (O(depth) per value to find the sub-schema). Offsets are the characters pushed when the
 * backend reported the value, so they are only as early as its events (see its docs).
 *
 * @example
 * const create = withSchemas(createPartialJsonParser);
 * const parser = create({ schema: { type: 'object', properties: { id: { type: 'integer' } } } });
 * parser.push('{"id":1.5}'); // throws JSONStreamError (schema, path ['id']) by end() at the latest
 */
export function withSchemas(makeParser: IncrementalParserFactory): IncrementalParserFactory {
  return (opts: IncrementalParserOptions = {}): IncrementalParser => {
    const { schema, standardSchema, onPathComplete } = opts;
    let received = 0;
    let failure: JSONStreamError | undefined;
    const inner = makeParser({
      onPathComplete(path, value) {
        const violation = schema === undefined || failure ? undefined : schemaViolation(schemaAt(schema, path), value);
        if (violation) failure = new JSONStreamError({ kind: 'schema', offset: received, path: [...path], ...violation });
        if (failure) throw failure;
        onPathComplete?.(path, value);
      },
    });
    // A violation may surface inside the backend as any exception; ours is the one to report.
    const run = <T>(step: () => T): T => {
      if (failure) throw failure;
      try {
        return step();
      } catch (error) {
        throw failure ?? error;
      }
    };
    return {
      push(chunk) {
        run(() => inner.push(chunk));
        received += chunk.length;
      },
      value: () => inner.value(),
      done: () => !failure && inner.done(),
      end() {
        run(() => inner.end());
        if (standardSchema) run(() => validateStandard(standardSchema, inner.value(), received));
      },
    };
  };
}
