export { createIncrementalParser } from './incremental/index.js';
export { JSONStreamError, formatJsonPath } from './errors.js';
export type { JSONStreamErrorInit, JSONStreamErrorKind } from './errors.js';
export type { IncrementalParser, IncrementalParserFactory, IncrementalParserOptions, JsonPath } from './parser-types.js';
export { withSchemas } from './schema/index.js';
export type { JSONSchema, JSONSchemaType, StandardSchemaIssue, StandardSchemaPathSegment, StandardSchemaResult, StandardSchemaV1 } from './schema/index.js';
