import { isJson, num, str, type Json } from './payload.js';

/** OpenRouter `reasoning_details`, merged across deltas for sending back. */
export interface ReasoningDetails {
  /** Merges one delta's details; returns the reasoning text they carry (for streams that send no `delta.reasoning`). */
  push(details: unknown[]): string;
  /** The merged details, if any arrived since the last `take` (then forgets them). */
  take(): Json[] | undefined;
}

// Fields OpenRouter streams in pieces; every other field is given whole (the last one wins).
const CONCATENATED = ['text', 'summary', 'data', 'signature'] as const;

/**
 * Merges OpenRouter's streamed `reasoning_details` by `index`: `text`, `summary`, `data` and
 * `signature` pieces are joined, other fields (`type`, `format`, `id`) kept, so the reasoning
 * goes back to OpenRouter exactly as the model produced it, whichever provider is behind it.
 *
 * @example
 * const details = createReasoningDetails();
 * details.push([{ type: 'reasoning.text', index: 0, text: 'Think' }]); // 'Think'
 * details.take(); // [{ type: 'reasoning.text', index: 0, text: 'Think' }]
 */
export function createReasoningDetails(): ReasoningDetails {
  let merged = new Map<number, Json>();

  return {
    push(details) {
      let text = '';
      for (const detail of details.filter(isJson)) {
        const index = num(detail, 'index') ?? merged.size;
        const before = merged.get(index) ?? {};
        const next: Json = { ...before, ...detail };
        for (const key of CONCATENATED) {
          const piece = str(detail, key);
          const earlier = str(before, key);
          if (piece !== undefined && earlier !== undefined) next[key] = earlier + piece;
        }
        merged.set(index, next);
        text += str(detail, 'text') ?? str(detail, 'summary') ?? '';
      }
      return text;
    },
    take() {
      if (merged.size === 0) return undefined;
      const details = [...merged.values()];
      merged = new Map();
      return details;
    },
  };
}
