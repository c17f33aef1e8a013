import type { ReactNode } from 'react';
import { classNames } from '../class-names.js';
import type { PreviewSchema } from './schema.js';

/** Props of {@link StructuredPreview}. */
export interface StructuredPreviewProps {
  /** The partial value so far (from `useStructuredStream`); fields not yet arrived are absent. */
  value: unknown;
  /** Its JSON Schema (objects, arrays, scalars): fields it names that have not arrived show skeletons. */
  schema: PreviewSchema;
  /** True while the value still grows; when false, missing fields show "—" instead of skeletons. */
  streaming?: boolean;
  className?: string;
}

/**
 * A structured object that grows field by field, laid out by its schema, with a skeleton for
 * each field that has not arrived yet.
 *
 * @example
 * <StructuredPreview value={partial} schema={recipeSchema} streaming={status === 'streaming'} />
 */
export function StructuredPreview({ value, schema, streaming = false, className }: StructuredPreviewProps) {
  return (
    <div className={classNames('rill-structured', className)} data-state={streaming ? 'streaming' : 'done'} aria-busy={streaming}>
      {renderValue(value, schema, streaming)}
    </div>
  );
}

function renderValue(value: unknown, schema: PreviewSchema, streaming: boolean): ReactNode {
  if (value === undefined) return streaming ? <Skeleton /> : <span className="rill-structured__missing">—</span>;
  if (schema.type === 'object' && isRecord(value)) {
    return (
      <dl className="rill-structured__object">
        {Object.entries(schema.properties).map(([key, field]) => (
          <div key={key} className="rill-structured__field" data-state={value[key] === undefined ? 'pending' : 'present'}>
            <dt>{field.title ?? key}</dt>
            <dd>{renderValue(value[key], field, streaming)}</dd>
          </div>
        ))}
      </dl>
    );
  }
  if (schema.type === 'array' && Array.isArray(value)) {
    return (
      <ul className="rill-structured__array">
        {value.map((item: unknown, i) => (
          <li key={i}>{renderValue(item, schema.items, streaming)}</li>
        ))}
        {streaming && (
          <li>
            <Skeleton />
          </li>
        )}
      </ul>
    );
  }
  return <span className="rill-structured__scalar">{typeof value === 'string' ? value : JSON.stringify(value)}</span>;
}

function Skeleton() {
  return (
    <span className="rill-skeleton">
      <span className="rill-visually-hidden">Not received yet</span>
    </span>
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
