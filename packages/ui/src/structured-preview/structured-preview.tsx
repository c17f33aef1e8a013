'use client';

import type { ValuePath } from '@rill/core';
import { useMemo, type ReactNode } from 'react';
import { classNames } from '../class-names.js';
import type { PreviewSchema } from './schema.js';

/** Props of {@link StructuredPreview}. */
export interface StructuredPreviewProps {
  /** The partial value so far (from `useStructuredStream`); fields not yet arrived are absent. */
  value: unknown;
  /** Its JSON Schema (objects, arrays, scalars): fields it names that have not arrived show skeletons. */
  schema: PreviewSchema;
  /** True while the value still grows; when false, missing fields show "—" instead of skeletons. */
  streaming?: boolean | undefined;
  /** `useStructuredStream().completedPaths`: a completed path shows no skeleton below it (missing fields there never come). */
  completedPaths?: readonly ValuePath[] | undefined;
  /** `useStructuredStream().isComplete`: the whole value is complete, so nothing shows a skeleton. */
  isComplete?: boolean | undefined;
  className?: string | undefined;
}

/** Whether a value at a path may still grow: the stream runs and neither the path nor an ancestor completed. */
type Growing = (path: ValuePath) => boolean;

// A path's key is its JSON, so ["a", 0] and ["a", "0"] stay apart.
const keyOf = (path: ValuePath): string => JSON.stringify(path);

/**
 * A structured object that grows field by field, laid out by its schema, with a skeleton for
 * each field that has not arrived yet; a field's skeletons go the moment its path completes.
 *
 * @example
 * const { object, completedPaths, isComplete, status } = useStructuredStream<Recipe>(options);
 * <StructuredPreview value={object} schema={recipeSchema} streaming={status === 'streaming'} completedPaths={completedPaths} isComplete={isComplete} />
 */
export function StructuredPreview({
  value,
  schema,
  streaming = false,
  completedPaths,
  isComplete = false,
  className,
}: StructuredPreviewProps) {
  const busy = streaming && !isComplete;
  const completed = useMemo(() => new Set((completedPaths ?? []).map(keyOf)), [completedPaths]);
  // Children complete before their parents, so a path is done as soon as it is in the set.
  const growing: Growing = (path) => busy && !completed.has(keyOf(path));
  return (
    <div className={classNames('rill-structured', className)} data-state={busy ? 'streaming' : 'done'} aria-busy={busy}>
      {renderValue(value, schema, [], growing)}
    </div>
  );
}

// Below a completed value nothing grows, and no more lookups are needed.
const never: Growing = () => false;

function renderValue(value: unknown, schema: PreviewSchema, path: ValuePath, growing: Growing): ReactNode {
  const open = growing(path);
  if (value === undefined) return open ? <Skeleton /> : <span className="rill-structured__missing">—</span>;
  if (schema.type === 'object' && isRecord(value)) {
    return (
      <dl className="rill-structured__object">
        {Object.entries(schema.properties).map(([key, field]) => {
          const child = [...path, key];
          const state = value[key] === undefined ? 'pending' : open && growing(child) ? 'present' : 'complete';
          return (
            <div key={key} className="rill-structured__field" data-state={state}>
              <dt>{field.title ?? key}</dt>
              <dd>{renderValue(value[key], field, child, open ? growing : never)}</dd>
            </div>
          );
        })}
      </dl>
    );
  }
  if (schema.type === 'array' && Array.isArray(value)) {
    return (
      <ul className="rill-structured__array">
        {value.map((item: unknown, i) => (
          <li key={i}>{renderValue(item, schema.items, [...path, i], open ? growing : never)}</li>
        ))}
        {open && (
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
