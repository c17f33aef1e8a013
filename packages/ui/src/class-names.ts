/**
 * Joins class names, skipping empty ones.
 *
 * @example
 * classNames('rill-tool', undefined, 'mine'); // 'rill-tool mine'
 */
export function classNames(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
