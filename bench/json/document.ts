// A deterministic LLM-style structured output (records with text, numbers, tags, nesting), as JSON text.

import { seededRandom } from '@rill/mock';

const words = [
  'stream',
  'token',
  'delta',
  'café',
  'naïve',
  '中文',
  '😀',
  'say "hi"',
  'back\\slash',
  'line\nbreak',
  'tab\there',
  'résumé',
  'value',
  'bell\u0007',
];

/**
 * `{"title": …, "items": [records…], "total": n}` of about `chars` characters (JSON.stringify
 * output, so escapes (`\u0007` too), unicode and numbers like `1e+21` appear as a model writes them).
 *
 * @example
 * const text = jsonDocument(1 << 20); // ~1 MB, the same every run
 */
export function jsonDocument(chars: number, seed = 7): string {
  const next = seededRandom(seed);
  const sentence = (count: number): string =>
    Array.from({ length: count }, () => words[Math.floor(next() * words.length)]).join(' ');
  const head = `{"title":${JSON.stringify(sentence(6))},"items":[`;
  const items: string[] = [];
  let size = head.length;
  for (let id = 0; size < chars - 40; id++) {
    const item = JSON.stringify({
      id,
      name: sentence(2),
      score: Math.round(next() * 1e6) / 1e3,
      big: id % 50 === 0 ? 1e21 * (1 + id) : -id,
      ok: next() > 0.5,
      missing: null,
      tags: [sentence(1), sentence(1)],
      detail: { text: sentence(4 + Math.floor(next() * 12)), depth: [id, [id + 1]] },
    });
    items.push(item);
    size += item.length + 1;
  }
  return `${head}${items.join(',')}],"total":${items.length}}`;
}
