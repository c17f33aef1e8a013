/**
 * A copy of `text` that holds no reference to a longer string. V8 keeps a substring (13+
 * characters) as a view of the string it was cut from, and marked's tokens are substrings of
 * what they lex: a block kept as a piece of the whole document would keep that whole version
 * of the document alive, one version per block.
 *
 * @example
 * const block = ownCopy(documentSoFar.slice(start, end)); // documentSoFar can be collected
 */
export function ownCopy(text: string): string {
  // Joining makes a rope; slicing the rope flattens it into a new string that is the copy's own.
  return ` ${text}`.slice(1);
}
