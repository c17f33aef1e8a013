'use client';

import type { SourcePart } from '@rill/core';
import { useId } from 'react';
import { classNames } from '../class-names.js';
import { hostOf, sourceName, webHref } from './web-href.js';

/** Props of {@link SourceList}. */
export interface SourceListProps {
  /** The message's `source` parts, in order: the first is source 1. */
  sources: readonly SourcePart[];
  /** Gives the entries the ids `${idPrefix}-1`, `${idPrefix}-2`…, so citation markers can point at them. */
  idPrefix?: string | undefined;
  className?: string | undefined;
}

function SourceEntry({ source }: { source: SourcePart }) {
  const href = webHref(source.url);
  const name = sourceName(source);
  const host = href === undefined ? undefined : hostOf(href);
  return (
    <>
      {href === undefined ? (
        <span className="rill-sources__name">{name}</span>
      ) : (
        <a className="rill-sources__link" href={href} target="_blank" rel="noopener noreferrer">
          {name}
        </a>
      )}
      {host !== undefined && host !== name && <span className="rill-sources__host">{host}</span>}
      {/* An address that may not become a link is still shown, as text. */}
      {href === undefined && typeof source.url === 'string' && source.url !== '' && (
        <span className="rill-sources__url" data-state="inert">
          {source.url}
        </span>
      )}
      {source.sourceType === 'document' && <span className="rill-sources__kind">Document</span>}
      {typeof source.snippet === 'string' && source.snippet !== '' && (
        <p className="rill-sources__snippet">{source.snippet}</p>
      )}
    </>
  );
}

/**
 * The sources a message cites, numbered as its citation markers number them: web pages as links
 * that open in a new tab (`rel="noopener noreferrer"`, `http:`/`https:` only; any other address
 * is shown as text, never as a link), documents by title or file name, with a provider's snippet.
 * Renders nothing without sources.
 *
 * @example
 * <SourceList sources={message.parts.filter((p) => p.type === 'source')} />
 */
export function SourceList({ sources, idPrefix, className }: SourceListProps) {
  const titleId = useId();
  if (sources.length === 0) return null;
  return (
    <div className={classNames('rill-sources', className)}>
      <span className="rill-sources__title" id={titleId}>
        Sources
      </span>
      <ol className="rill-sources__list" aria-labelledby={titleId}>
        {sources.map((source, i) => (
          <li
            key={`${i}:${String(source.id)}`}
            id={idPrefix === undefined ? undefined : `${idPrefix}-${i + 1}`}
            className="rill-sources__item"
          >
            <SourceEntry source={source} />
          </li>
        ))}
      </ol>
    </div>
  );
}
