/** The subset of JSON Schema that `StructuredPreview` lays out: objects, arrays and scalars. */
export type PreviewSchema =
  | { type: 'object'; title?: string; properties: Record<string, PreviewSchema>; required?: readonly string[] }
  | { type: 'array'; title?: string; items: PreviewSchema }
  | { type: 'string' | 'number' | 'integer' | 'boolean' | 'null'; title?: string };
