const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * The URL to put in an `href`, or `undefined` when following it could run code or is not a web
 * link (`javascript:`, `data:`, `vbscript:`, a pending link...). Relative URLs and `#anchors` pass.
 *
 * @example
 * safeUrl('javascript:alert(1)'); // undefined
 * safeUrl('https://example.com'); // 'https://example.com'
 */
export function safeUrl(href: string): string | undefined {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  // An entity-encoded colon ("javascript&#58;") must not slip a scheme past the check.
  const decoded = href.replace(/&#0*58;?|&#x0*3a;?|&colon;?/gi, ':');
  const compact = [...decoded].filter((c) => c > ' ' && !(c >= '\u007f' && c <= '\u009f')).join('');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1];
  if (scheme !== undefined && !ALLOWED_SCHEMES.has(scheme.toLowerCase())) return undefined;
  if (compact === '') return undefined;
  return href.trim();
}
