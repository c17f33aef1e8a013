/** The schemes a model-written link may use. `tel:` is left out: one tap would dial a number the model chose. */
const ALLOWED_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto']);
// A scheme as the WHATWG URL parser reads one: an ASCII letter, then letters, digits, `+`, `-` or `.`, then `:`.
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const TAB_OR_NEWLINE = /[\t\n\r]/g;
// What a reader (or a lenient parser) would not see: controls, format characters, every kind of space.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\s]/gu;
const PERCENT_ESCAPE = /%([0-9a-f]{2})/gi;
const ENTITY = /&(?:#(\d{1,8})|#x([0-9a-f]{1,8})|([a-z][a-z0-9]{0,31}));?/gi;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { colon: ':', amp: '&', percnt: '%' };
// A relative URL has no `:` before its first `/`, `?`, `#` (RFC 3986's first segment); a disguised scheme does.
const COLON_IN_FIRST_SEGMENT = /^[^/?#\\]*:/;
// Real links are never encoded more than twice; deeper layers are treated as disguise.
const DECODE_ROUNDS = 3;

/**
 * The URL to put in an `href` (or `src`), or `undefined` when it is not a web or e-mail link.
 * Allowed: `http:`, `https:`, `mailto:`, relative URLs and `#fragments`. The URL is first
 * normalised as browsers parse it (C0 controls and spaces at either end dropped, tabs and
 * newlines removed anywhere) and that normalised string is both the one checked and the one
 * returned. A relative URL that hides a scheme (`&#106;avascript:`, `%6Aavascript:`,
 * `\u00a0javascript:`, full-width letters) is refused too.
 *
 * @example
 * safeUrl('javascript:alert(1)'); // undefined
 * safeUrl(' https://example.com\n'); // 'https://example.com'
 */
export function safeUrl(href: string): string | undefined {
  const url = trimC0(href).replace(TAB_OR_NEWLINE, '');
  if (url === '') return undefined;
  const scheme = SCHEME.exec(url)?.[1];
  if (scheme !== undefined) return ALLOWED_SCHEMES.has(scheme.toLowerCase()) ? url : undefined;
  return hidesScheme(url) ? undefined : url;
}

/** `text` without C0 controls and spaces (U+0000 to U+0020) at either end, as the URL parser strips them. */
function trimC0(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return text.slice(start, end);
}

/** Whether a URL with no scheme shows one once entities and %-escapes are decoded and invisible characters dropped. */
function hidesScheme(url: string): boolean {
  let text = url;
  for (let round = 0; round < DECODE_ROUNDS; round++) {
    const decoded = text
      .replace(PERCENT_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(ENTITY, decodeEntity);
    if (decoded === text) return COLON_IN_FIRST_SEGMENT.test(text.normalize('NFKC').replace(INVISIBLE, ''));
    text = decoded;
  }
  return true;
}

// Unknown named entities are dropped, not kept: `java&Tab;script:` must read as `javascript:`.
function decodeEntity(
  _: string,
  decimal: string | undefined,
  hex: string | undefined,
  name: string | undefined,
): string {
  if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? '';
  const code = decimal !== undefined ? parseInt(decimal, 10) : parseInt(hex ?? '', 16);
  return code <= 0x10ffff ? String.fromCodePoint(code) : '';
}
