// A deterministic Anthropic-style Messages stream, as bytes, for the SSE throughput bench.
// What it holds (20 MB, seed 42): 150,282 events of 135 B on average, LF line ends, each an
// `event:` line plus one `data:` line of JSON as Anthropic sends it; 97% are content_block_delta
// (text deltas of 1-6 words), 2% ping, the rest message/content-block start and stop. 64% of the
// events carry some non-ASCII text (é, —, 中文, 😀 …), 2.6% of all bytes: every 4 KiB chunk decodes
// to a two-byte string, the harder case for TextDecoder and string scanning, not the flattering one.

import { seededRandom } from '@rill/mock';

const words = [
  'the',
  'stream',
  'of',
  'tokens',
  'arrives',
  'quickly,',
  'and',
  'each',
  'delta',
  'is',
  'small.',
  'café',
  'naïve',
  '—',
  '中文',
  '😀',
  '"quoted"',
  'back\\slash',
  '\n\n',
  'résumé',
];

/**
 * Builds whole messages (message_start, text deltas of 1–6 words, a ping every 50 deltas,
 * message_delta, message_stop) until the stream holds at least `bytes` bytes.
 *
 * @example
 * const body = anthropicStream(20e6); // ~20 MB, the same every run
 */
export function anthropicStream(bytes: number, seed = 42): Uint8Array {
  const next = seededRandom(seed);
  const parts: string[] = [];
  let size = 0;
  const event = (type: string, data: object): void => {
    const text = `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
    parts.push(text);
    size += text.length;
  };
  for (let m = 0; size < bytes; m++) {
    event('message_start', {
      message: {
        id: `msg_${m}`,
        type: 'message',
        role: 'assistant',
        model: 'claude-sonnet-4-5',
        content: [],
        stop_reason: null,
        usage: { input_tokens: 25, output_tokens: 1 },
      },
    });
    event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
    event('ping', {});
    for (let d = 0; d < 400; d++) {
      const count = 1 + Math.floor(next() * 6);
      let text = '';
      for (let w = 0; w < count; w++) text += `${words[Math.floor(next() * words.length)]} `;
      event('content_block_delta', { index: 0, delta: { type: 'text_delta', text } });
      if (d % 50 === 49) event('ping', {});
    }
    event('content_block_stop', { index: 0 });
    event('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 400 } });
    event('message_stop', {});
  }
  return new TextEncoder().encode(parts.join(''));
}
