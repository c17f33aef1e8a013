/**
 * `bytes` cut into chunks of `size` bytes (views, not copies), as a network would deliver them.
 *
 * @example split(new Uint8Array(10), 4).length; // 3
 */
export function split(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}
