import type { Part, SourcePart, TextPart } from '@rill/core';

/** What MessageView renders, in order: runs of text, and the other parts one by one (sources go to the list). */
export type MessageBlock =
  | { kind: 'text'; key: string; parts: TextPart[]; last: number }
  | { kind: 'part'; key: string; part: Exclude<Part, TextPart | SourcePart>; index: number };

/**
 * A message's parts as MessageView shows them: consecutive text parts (a provider may send each
 * cited passage as its own part, with sources between) as one run, the other parts alone, and the
 * sources apart, in order, for the list under the answer. `streamingIndex` is the part being written:
 * the last one that is not a source.
 *
 * @example
 * messageBlocks([{ type: 'text', text: 'A ' }, source, { type: 'text', text: 'b.' }]).blocks; // one text run of two parts
 */
export function messageBlocks(parts: readonly Part[]): {
  blocks: MessageBlock[];
  sources: SourcePart[];
  streamingIndex: number;
} {
  const blocks: MessageBlock[] = [];
  const sources: SourcePart[] = [];
  let streamingIndex = -1;
  let run: Extract<MessageBlock, { kind: 'text' }> | undefined;
  parts.forEach((part, index) => {
    if (part.type === 'source') {
      sources.push(part);
      return;
    }
    streamingIndex = index;
    if (part.type === 'text' && typeof part.text !== 'string') {
      // A part whose text is not text (a stored message edited by hand) stands alone: its fallback must not take its neighbours.
      blocks.push({ kind: 'text', key: `text-${index}`, parts: [part], last: index });
      run = undefined;
      return;
    }
    if (part.type === 'text') {
      if (run === undefined) blocks.push((run = { kind: 'text', key: `text-${index}`, parts: [], last: index }));
      run.parts.push(part);
      run.last = index;
      return;
    }
    run = undefined;
    blocks.push({
      kind: 'part',
      key: part.type === 'tool-call' ? part.toolCallId : `${part.type}-${index}`,
      part,
      index,
    });
  });
  return { blocks, sources, streamingIndex };
}
