import { createSSEDecoder } from '@rill/core';
import { createMockProvider, type MockProvider } from '@rill/mock';
import { startMockServer, type MockServer } from '@rill/mock/node';

/** One event as the mock sent it: its data, when it left (performance.now()), and whether it went with the response's first bytes. */
export interface SentEvent {
  data: string;
  at: number;
  /** Sent before the client could be reading (connection setup counts there, not streaming): left out of per-event latency. */
  opening: boolean;
}

/** The mock upstream, recording every event it sends per run key (the user text). */
export interface TappedMock {
  server: MockServer;
  sent: Map<string, SentEvent[]>;
}

/** The user text of a request body: the run's key (the mock echoes it, so it also makes each answer distinct). */
function keyOf(body: string): string {
  const parsed = JSON.parse(body) as { messages?: { content?: unknown }[] };
  const content = parsed.messages?.[0]?.content;
  return typeof content === 'string' ? content : '';
}

/**
 * Starts the mock (no event ids, like the real APIs) with a tap on its responses: each event is
 * stamped as its chunk leaves the provider for the socket.
 *
 * @example const mock = await startTappedMock(); mock.sent.get('run 3');
 */
export async function startTappedMock(): Promise<TappedMock> {
  const sent = new Map<string, SentEvent[]>();
  const inner = createMockProvider({ eventIds: false });
  const provider: MockProvider = {
    reset: () => inner.reset(),
    handle: async (request) => {
      const key = keyOf(await request.clone().text());
      const response = await inner.handle(request);
      if (response.body === null || !response.ok) return response;
      const events: SentEvent[] = [];
      sent.set(key, events);
      let at = 0;
      let chunks = 0;
      const decoder = createSSEDecoder({
        onEvent: (event) => events.push({ data: event.data, at, opening: chunks === 1 }),
      });
      const tap = new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          at = performance.now();
          chunks += 1;
          decoder.push(chunk);
          controller.enqueue(chunk);
        },
      });
      return new Response(response.body.pipeThrough(tap), { status: response.status, headers: response.headers });
    },
  };
  return { server: await startMockServer({ port: 0, provider }), sent };
}
