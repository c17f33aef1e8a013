import type { ToolInput } from './tool-input.js';

let loaded: (() => ToolInput) | undefined;

/**
 * Imports the tool-input parser (and with it @rill/json) the first time a stream has a tool call,
 * so an app whose streams have none never ships or loads it; later calls resolve at once.
 *
 * @example await loadToolInput(); const input = loadedToolInput();
 */
export async function loadToolInput(): Promise<void> {
  loaded ??= (await import('./tool-input.js')).createToolInput;
}

/**
 * A new tool-input parser; `loadToolInput()` must have resolved (the stream store awaits it before a tool call's first part).
 *
 * @example const acc = accumulatorWith(loadedToolInput);
 */
export function loadedToolInput(): ToolInput {
  if (loaded === undefined) throw new Error('loadedToolInput() before loadToolInput() resolved');
  return loaded();
}
