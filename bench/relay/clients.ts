import { readSSE } from '@rill/core';

/** One provider event as a client received it. */
export interface ReceivedEvent {
  data: string;
  id: string;
  at: number;
  /** It came on a resumed connection (its latency includes the reconnect, so it is left out of the latency figures). */
  resumed: boolean;
}

/** What one client saw of its run. */
export interface ClientRun {
  key: string;
  events: ReceivedEvent[];
  /** The rill-end data (relayed runs). */
  end?: string;
}

const body = (key: string): string =>
  JSON.stringify({
    model: 'claude-sonnet-4-6',
    max_tokens: 1024,
    stream: true,
    messages: [{ role: 'user', content: key }],
  });

/**
 * Streams one run straight from the mock (no ids, so no resume).
 *
 * @example const run = await directClient(mock.url, 'run 1', 'ttft=0;delay=2');
 */
export async function directClient(base: string, key: string, timing: string): Promise<ClientRun> {
  const response = await fetch(`${base}/v1/messages`, {
    method: 'POST',
    body: body(key),
    headers: { 'content-type': 'application/json', 'x-rill-mock-timing': timing },
  });
  const events: ReceivedEvent[] = [];
  for await (const event of readSSE(response))
    events.push({ data: event.data, id: event.id, at: performance.now(), resumed: false });
  return { key, events };
}

/**
 * Streams one run through the relay; with `cutAfter`, drops the connection after that many
 * provider events and resumes with Last-Event-ID. `onOpen` is called when rill-run arrives.
 *
 * @example const run = await relayClient(relay.url, 'run 1', 'ttft=0;delay=2', { cutAfter: 5 });
 */
export async function relayClient(
  base: string,
  key: string,
  timing: string,
  options: { cutAfter?: number; onOpen?: () => void } = {},
): Promise<ClientRun> {
  const events: ReceivedEvent[] = [];
  let lastId = '';
  let resumeUrl: string | undefined;
  let end: string | undefined;
  const read = async (response: Response, resumed: boolean): Promise<void> => {
    for await (const event of readSSE(response)) {
      const at = performance.now();
      lastId = event.id;
      if (event.event === 'rill-run') {
        if (!resumed) options.onOpen?.();
        resumeUrl ??= new URL((JSON.parse(event.data) as { resume: string }).resume, base).href;
        continue;
      }
      if (event.event === 'rill-end') {
        end = event.data;
        return;
      }
      events.push({ data: event.data, id: event.id, at, resumed });
      if (!resumed && events.length === options.cutAfter) return; // the client drops: breaking out cancels the body
    }
  };
  await read(
    await fetch(`${base}/v1/messages`, {
      method: 'POST',
      body: body(key),
      headers: { 'content-type': 'application/json', 'x-rill-mock-timing': timing },
    }),
    false,
  );
  if (end === undefined && resumeUrl !== undefined)
    await read(await fetch(resumeUrl, { headers: { 'last-event-id': lastId } }), true);
  return { key, events, ...(end !== undefined && { end }) };
}
