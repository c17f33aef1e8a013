// Hostile link destinations as data: every way a model could slip a scheme other than http(s)/mailto
// into a rendered href or src. The tests render them with the real Markdown and check what comes out.

/** The protocols a rendered link may resolve to (relative URLs resolve to the page's own). */
export const allowedProtocols: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/** Schemes that run code, open other apps or read local data; each must render as text. */
export const refusedSchemes = [
  'javascript',
  'vbscript',
  'data',
  'file',
  'intent',
  'ms-msdt',
  'blob',
  'filesystem',
  'jar',
  'view-source',
  'about',
  'tel',
  'sms',
  'ftp',
  'ws',
  'search-ms',
];

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));

/**
 * Every character that String.prototype.trim removes (all Unicode whitespace), every C0 and C1
 * control, DEL, and the invisible format characters (zero-width, BOM, soft hyphen, bidi marks).
 */
export const sneakyCharacters: readonly string[] = [
  ...range(0x00, 0x20),
  ...range(0x7f, 0xa0),
  '\u00ad',
  '\u061c',
  '\u1680',
  '\u180e',
  ...range(0x2000, 0x200f),
  ...range(0x2028, 0x202f),
  '\u205f',
  ...range(0x2060, 0x2064),
  ...range(0x2066, 0x2069),
  '\u3000',
  '\ufeff',
];

/** `javascript:` and `vbscript:` written with HTML entities, %-escapes, full-width letters or Markdown escapes. */
export const encodedDestinations = [
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  '&#X6a;avascript:alert(1)',
  '&#0000106;avascript:alert(1)',
  'javascript&#58;alert(1)',
  'javascript&#x3a;alert(1)',
  'javascript&#x003A;alert(1)',
  'javascript&colon;alert(1)',
  'JaVaScRiPt&COLON;alert(1)',
  'java&Tab;script:alert(1)',
  'java&NewLine;script:alert(1)',
  'java&#9;script:alert(1)',
  'java&#x0A;script:alert(1)',
  '&nbsp;javascript:alert(1)',
  '&#160;javascript:alert(1)',
  '&#xFEFF;vbscript:x',
  '&amp;#106;avascript:alert(1)',
  'javascript&amp;colon;alert(1)',
  '%6Aavascript:alert(1)',
  'javascript%3Aalert(1)',
  'javascript%3aalert(1)',
  '%256Aavascript:alert(1)',
  'javascript%253Aalert(1)',
  '%25256Aavascript:alert(1)',
  '%20javascript:alert(1)',
  '%09javascript:alert(1)',
  '%00javascript:alert(1)',
  'java%0Ascript:alert(1)',
  '&#37;3Ajavascript:alert(1)',
  'ｊａｖａｓｃｒｉｐｔ：alert(1)',
  'javascript：alert(1)',
  'javascript﹕alert(1)',
  'java\\script:alert(1)',
  'javascript\\:alert(1)',
  'JAVASCRIPT:alert(1)',
  'jAvAsCrIpT:alert(1)',
  'vbscript:msgbox(1)',
  'VBScript:x',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'javascript://%0aalert(1)',
  'javascript:/*https://example.com*/alert(1)',
];

/** Each refused scheme with one sneaky character before it, inside it, and before its colon; plus the encodings. */
export function hostileDestinations(): string[] {
  const destinations = [...encodedDestinations];
  for (const scheme of refusedSchemes) destinations.push(`${scheme}:x`, ` ${scheme}:x`);
  for (const scheme of ['javascript', 'vbscript', 'data']) {
    for (const c of sneakyCharacters)
      destinations.push(
        `${c}${scheme}:x`,
        `${scheme.slice(0, 4)}${c}${scheme.slice(4)}:x`,
        `${scheme}${c}:x`,
        `${c}${c}${scheme}:${c}x`,
      );
  }
  return destinations;
}

/** Writes a destination as Markdown; `i` keeps reference labels apart. */
export type LinkForm = (url: string, i: number) => string;

/** The ways Markdown turns a destination into a link or image. */
export const linkForms = {
  inline: (url) => `[x](${url})`,
  angle: (url) => `[x](<${url}>)`,
  titled: (url) => `[x](<${url}> "title")`,
  reference: (url, i) => `[x][r${i}]\n\n[r${i}]: ${url}`,
  referenceAngle: (url, i) => `[x][r${i}]\n\n[r${i}]: <${url}>`,
  collapsed: (url, i) => `[r${i}][]\n\n[r${i}]: <${url}>`,
  definitionFirst: (url, i) => `[r${i}]: <${url}>\n\n[r${i}]`,
  autolink: (url) => `<${url}>`,
  bare: (url) => `see ${url} here`,
  image: (url) => `![x](<${url}>)`,
  imageReference: (url, i) => `![x][r${i}]\n\n[r${i}]: <${url}>`,
} satisfies Record<string, LinkForm>;

/** The link that follows every hostile one: it must still render, so a hostile link cannot swallow the rest. */
export const controlLink = (i: number) => `[ok ${i}](https://ok.example/${i})`;

/** One document: each destination in `form`, each followed by a control link, a blank line between them. */
export function corpusDocument(form: LinkForm, destinations: readonly string[]): string {
  return destinations.map((url, i) => `${form(url, i)}\n\n${controlLink(i)}`).join('\n\n');
}

// What a browser would navigate to from an https page; an unparsable URL goes nowhere.
function resolvedProtocol(url: string): string | undefined {
  try {
    return new URL(url, 'https://page.example/chat/').protocol;
  } catch {
    return undefined;
  }
}

// Characters a reader or a lenient parser would not see.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\s]/gu;

/**
 * The rendered URLs (href, src and the like) under `root` that are not allowed: each is resolved
 * as a browser would (WHATWG URL against an https page) and must be http(s) or mailto (or not
 * parse at all), and must not show another scheme even with its invisible characters dropped.
 */
export function disallowedUrls(root: ParentNode): string[] {
  const bad: string[] = [];
  for (const element of root.querySelectorAll('[href], [src], [action], [formaction], [srcset], [poster], [data]')) {
    for (const name of ['href', 'src', 'action', 'formaction', 'srcset', 'poster', 'data']) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      const protocol = resolvedProtocol(value);
      const visibleScheme = /^([a-z][a-z0-9+.-]*:)/i.exec(value.replace(INVISIBLE, ''))?.[1]?.toLowerCase();
      if (
        (protocol !== undefined && !allowedProtocols.has(protocol)) ||
        (visibleScheme !== undefined && !allowedProtocols.has(visibleScheme))
      )
        bad.push(`${name}=${JSON.stringify(value)}`);
    }
  }
  return bad;
}
