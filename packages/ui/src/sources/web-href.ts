import type { SourcePart } from '@rill/core';
import { safeUrl } from '../markdown/safe-url.js';

const WEB = /^https?:\/\//i;

/**
 * The `href` for a web address from a provider or the model: an absolute `http(s):` URL that
 * passes {@link safeUrl}'s allow-list, else undefined (a `javascript:`, `data:` or relative one
 * never becomes a link).
 *
 * @example
 * webHref('https://example.com/a'); // 'https://example.com/a'
 * webHref('javascript:alert(1)'); // undefined
 */
export function webHref(url: string | undefined): string | undefined {
  if (typeof url !== 'string') return undefined;
  const safe = safeUrl(url);
  return safe !== undefined && WEB.test(safe) ? safe : undefined;
}

/**
 * The host a web address points at, for showing next to its title.
 *
 * @example hostOf('https://www.example.com/a?b'); // 'www.example.com'
 */
export function hostOf(href: string): string | undefined {
  try {
    return new URL(href).host || undefined;
  } catch {
    return undefined;
  }
}

/**
 * What a source is called for a reader: its title, else its file name, else the page's host.
 *
 * @example sourceName({ type: 'source', id: 'x', sourceType: 'url', url: 'https://example.com/a' }); // 'example.com'
 */
export function sourceName(source: SourcePart): string {
  const href = webHref(source.url);
  return source.title || source.filename || (href && hostOf(href)) || source.fileId || 'Untitled source';
}
