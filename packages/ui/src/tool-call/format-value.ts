/**
 * A tool input or output as display text: strings as they are, anything else as indented JSON.
 *
 * @example
 * formatValue({ city: 'Paris' }); // '{\n  "city": "Paris"\n}'
 */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value, null, 2) ?? String(value);
}
