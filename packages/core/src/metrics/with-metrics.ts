import type { StreamPart } from '../message/types.js';
import type { MetricsRecorder } from './metrics-recorder.js';

/**
 * Passes parts through unchanged while feeding them to `recorder`: `start()` at the first pull
 * (when a lazy stream sends its request), `part()` for each part, `end()` however iteration stops.
 *
 * @example
 * const metrics = createMetricsRecorder();
 * await accumulate(withMetrics(decodeProvider('openai-chat', streamSSE(url, init)), metrics));
 * console.log(metrics.snapshot().tokensPerSecond);
 */
export async function* withMetrics(
  parts: AsyncIterable<StreamPart>,
  recorder: MetricsRecorder,
): AsyncGenerator<StreamPart, void, undefined> {
  recorder.start();
  try {
    for await (const part of parts) {
      recorder.part(part);
      yield part;
    }
  } finally {
    recorder.end();
  }
}
