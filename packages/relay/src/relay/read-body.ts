/** A request body read up to a cap: its text, or `too-large`. */
export type CappedBody = { text: string } | { refused: 'too-large' };

/**
 * Reads a request body as UTF-8 text, refusing (without reading on) one over `maxBytes`, whether
 * or not it declares its length.
 *
 * @example const body = await readCappedBody(request, 1 << 20); if ('refused' in body) return tooLarge();
 */
export async function readCappedBody(request: Request, maxBytes: number): Promise<CappedBody> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) return { refused: 'too-large' };
  if (request.body === null) return { text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { refused: 'too-large' };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { text: new TextDecoder().decode(bytes) };
}
