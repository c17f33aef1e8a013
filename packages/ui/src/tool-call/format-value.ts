/** Shown for a value JSON cannot show: nested past the call stack (a model's `[[[[…`), a cycle, a BigInt. */
const UNSHOWABLE = '(this value cannot be shown)';

/**
 * A tool input or output as display text: strings as they are, anything else as indented JSON;
 * `fallback` (or a short note) for a value JSON.stringify throws on, never an exception.
 *
 * @example
 * formatValue({ city: 'Paris' }); // '{\n  "city": "Paris"\n}'
 */
export function formatValue(value: unknown, fallback = UNSHOWABLE): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  try {
    return JSON.stringify(value, null, 2) ?? fallback;
  } catch {
    return fallback;
  }
}
