import { createMetricsRecorder, decodeProvider, readSSE, withMetrics, type ProviderName } from '@rill/core';
import { recordMetrics } from './metrics-log.js';

/** Reads a copy of the response to the end, feeding the recorder; the UI reads the other copy. */
async function measure(body: ReadableStream<Uint8Array>, provider: ProviderName, recorder: ReturnType<typeof createMetricsRecorder>, label: string): Promise<void> {
  try {
    for await (const _part of withMetrics(decodeProvider(provider, readSSE(body)), recorder));
  } catch {
    // A broken or stopped stream still has metrics worth showing; the UI reports the error itself.
  }
  recordMetrics(label, recorder.snapshot());
}

/**
 * Wraps a `fetch` so that each streamed response is also measured (TTFB, TTFT, inter-token
 * latency, tokens/s) with core's metrics recorder, for streams whose hook exposes no metrics
 * (the chat controller). The body is teed: the caller's copy is untouched.
 *
 * @example useChat({ ...options, fetch: measuredFetch(faultFetch, 'anthropic', 'Chat · anthropic') });
 */
export function measuredFetch(base: typeof fetch, provider: ProviderName, label: string): typeof fetch {
  return async (input, init) => {
    const recorder = createMetricsRecorder();
    recorder.start();
    const response = await base(input, init);
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || response.body === null || !type.startsWith('text/event-stream')) return response;
    recorder.open();
    const [mine, theirs] = response.body.tee();
    void measure(mine, provider, recorder, label);
    return new Response(theirs, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
