// The Chromium side of the SSE bench, bundled by chromium.ts: the same contenders on the same
// stream, with the browser's own TextDecoder. The runner drives it through window.sseBench.
import { anthropicStream } from './anthropic-stream.js';
import { split } from './chunks.js';
import { contenders } from './contenders.js';

declare global {
  interface Window {
    sseBench: {
      /** Builds the stream (`bytes` long) cut into `size`-byte chunks; returns whether rill and eventsource-parser agree on it. */
      prepare(bytes: number, size: number): boolean;
      /** One pass of a contender over the prepared chunks; its checksum. */
      run(name: string): number;
    };
  }
}

let body: Uint8Array = new Uint8Array();
let chunks: Uint8Array[] = [];
window.sseBench = {
  prepare(bytes, size) {
    if (body.length !== bytes) body = anthropicStream(bytes);
    chunks = split(body, size);
    return contenders.rill?.(chunks) === contenders['eventsource-parser']?.(chunks);
  },
  run: (name) => contenders[name]?.(chunks) ?? Number.NaN,
};
