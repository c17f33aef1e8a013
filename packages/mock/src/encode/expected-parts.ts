import type { Part } from '@rill/core';
import type { MockPart } from '../scenario/types.js';

/** A tool call's argument text streams in pieces of this many characters. */
export const ARGUMENT_CHUNK_CHARS = 8;

/** How a provider's wire shapes the decoded parts. */
export interface PartOptions {
  /** False where the wire has no reasoning signatures (OpenAI Chat). */
  signatures: boolean;
  /** True where one text stream carries every part, so neighbours of one kind join (OpenAI Chat, Gemini). */
  joinNeighbours: boolean;
  /** The id a signed reasoning item has on the wire, given its output index (OpenAI Responses), if it has one. */
  reasoningItemId?: (index: number) => string;
}

function toPart(part: MockPart, index: number, options: PartOptions): Part {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text };
    case 'reasoning':
      if (!options.signatures || part.signature === undefined) return { type: 'reasoning', text: part.text };
      return { type: 'reasoning', text: part.text, signature: part.signature, ...(options.reasoningItemId && { itemId: options.reasoningItemId(index) }) };
    case 'tool-call':
      return { type: 'tool-call', toolCallId: part.toolCallId, toolName: part.toolName, inputText: JSON.stringify(part.input), input: part.input, state: 'input-available' };
  }
}

/**
 * The `Message.parts` a scenario's parts decode to on a provider's wire.
 *
 * @example expectedParts([{ type: 'text', text: 'Hi' }], { signatures: true, joinNeighbours: false }); // [{ type: 'text', text: 'Hi' }]
 */
export function expectedParts(parts: readonly MockPart[], options: PartOptions): Part[] {
  const out: Part[] = [];
  for (const [index, part] of parts.entries()) {
    const next = toPart(part, index, options);
    const last = out.at(-1);
    if (options.joinNeighbours && last?.type === 'text' && next.type === 'text') out[out.length - 1] = { type: 'text', text: last.text + next.text };
    else if (options.joinNeighbours && last?.type === 'reasoning' && next.type === 'reasoning') out[out.length - 1] = { ...last, ...next, text: last.text + next.text };
    else out.push(next);
  }
  return out;
}
