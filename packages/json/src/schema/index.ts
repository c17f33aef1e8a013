export { itemSchema, keyViolation, openViolation, propertySchema, schemaViolation } from './json-schema.js';
export type { JSONSchema, JSONSchemaType, SchemaNode, SchemaViolation } from './json-schema.js';
export { validateStandard } from './standard-schema.js';
export { withSchemas } from './with-schemas.js';
export type {
  StandardSchemaIssue,
  StandardSchemaPathSegment,
  StandardSchemaResult,
  StandardSchemaV1,
} from './standard-schema.js';
