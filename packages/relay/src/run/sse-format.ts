import type { LogEntry } from '../log/event-log.js';

const encoder = new TextEncoder();

/**
 * One event on the wire with its id; the `event:` line is left out for "message", as the provider
 * left it out, and multi-line data becomes one `data:` line per line.
 *
 * @example formatEvent({ id: '3', event: 'message', data: '{"a":1}' }); // 'id: 3\ndata: {"a":1}\n\n'
 */
export function formatEvent(entry: LogEntry): string {
  const name = entry.event === 'message' ? '' : `event: ${entry.event}\n`;
  return `id: ${entry.id}\n${name}data: ${entry.data.replace(/\n/g, '\ndata: ')}\n\n`;
}

/**
 * A batch of events as the bytes of one write.
 *
 * @example controller.enqueue(encodeEvents(batch));
 */
export function encodeEvents(entries: readonly LogEntry[]): Uint8Array {
  let text = '';
  for (const entry of entries) text += formatEvent(entry);
  return encoder.encode(text);
}

/** The heartbeat comment, sent while a run is quiet. */
export const PING = encoder.encode(': ping\n\n');
