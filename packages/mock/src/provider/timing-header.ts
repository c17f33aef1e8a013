import type { MockTiming } from '../scenario/types.js';

const keys: Record<string, keyof MockTiming> = {
  ttft: 'ttftMs',
  delay: 'tokenDelayMs',
  jitter: 'jitterMs',
  seed: 'seed',
  batch: 'batchSize',
};

/**
 * Reads the `x-rill-mock-timing` header: `ttft=MS;delay=MS;jitter=MS;seed=N;batch=N`, any subset.
 *
 * @example parseTiming('ttft=0;delay=0'); // { ttftMs: 0, tokenDelayMs: 0 }
 */
export function parseTiming(text: string): MockTiming | { error: string } {
  const timing: MockTiming = {};
  for (const option of text.split(';')) {
    const [name = '', value = ''] = option.split('=', 2).map((s) => s.trim());
    const key = Object.hasOwn(keys, name) ? keys[name] : undefined;
    const n = Number(value);
    if (key === undefined || value === '' || !Number.isFinite(n) || n < 0)
      return { error: `Bad x-rill-mock-timing "${text}": use ttft=MS;delay=MS;jitter=MS;seed=N;batch=N` };
    timing[key] = n;
  }
  return timing;
}
