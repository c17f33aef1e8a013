/**
 * A new run id: 128 random bits, base64url, so it cannot be guessed.
 *
 * @example newRunId(); // 'run_3q2-7wEAAAB0ZXN0aW5nLi4u'
 */
export function newRunId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `run_${btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')}`;
}

/** Run ids as {@link newRunId} makes them (and nothing that could reach another key or path). */
export const RUN_ID_PATTERN = /^run_[A-Za-z0-9_-]{22}$/;
