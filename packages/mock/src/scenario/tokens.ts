/** Longest token: long words are cut so no single event carries a whole paragraph. */
const MAX_TOKEN_CHARS = 12;

/**
 * Splits text into word-ish tokens, each with its leading whitespace, as a model would stream it.
 * The tokens always join back to the text.
 *
 * @example splitTokens('Hello big world'); // ['Hello', ' big', ' world']
 */
export function splitTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const word of text.match(/\s*\S+|\s+/g) ?? [])
    tokens.push(...(word.length > MAX_TOKEN_CHARS ? splitChunks(word, MAX_TOKEN_CHARS) : [word]));
  return tokens;
}

/**
 * Splits text into pieces of `size` characters (tool arguments stream like this), never splitting a surrogate pair.
 *
 * @example splitChunks('{"a":1}', 3); // ['{"a', '":1', '}']
 */
export function splitChunks(text: string, size: number): string[] {
  const chars = Array.from(text);
  const chunks: string[] = [];
  for (let at = 0; at < chars.length; at += size) chunks.push(chars.slice(at, at + size).join(''));
  return chunks;
}

/**
 * Groups consecutive items by `size` (Gemini sends several tokens per chunk).
 *
 * @example groupsOf(['a', 'b', 'c'], 2); // [['a', 'b'], ['c']]
 */
export function groupsOf<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let at = 0; at < items.length; at += size) groups.push(items.slice(at, at + size));
  return groups;
}
