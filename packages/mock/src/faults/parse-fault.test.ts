import { describe, expect, it } from 'vitest';
import { parseFault } from '../index.js';

describe('parseFault (the x-rill-mock-fault header)', () => {
  it.each([
    ['drop-after=5', { type: 'drop', afterEvents: 5 }],
    ['stall=3000;after=4;heartbeat=500', { type: 'stall', ms: 3000, afterEvents: 4, heartbeatMs: 500 }],
    ['stall=100', { type: 'stall', ms: 100, afterEvents: 2 }],
    ['malformed', { type: 'malformed', afterEvents: 2 }],
    ['no-terminator', { type: 'no-terminator' }],
    ['buffer=500', { type: 'buffering', windowMs: 500 }],
    ['429;retry-after=2;times=2', { type: 'rate-limit', retryAfterSeconds: 2, times: 2 }],
    ['503;times=always', { type: 'server-error', status: 503, times: Infinity }],
    ['html=502', { type: 'html', status: 502 }],
    ['html', { type: 'html', status: 200 }],
  ])('%s', (text, fault) => {
    expect(parseFault(text)).toEqual(fault);
  });

  it.each([['drop-after'], ['drop-after=-1'], ['stall=soon'], ['html=404'], ['teleport'], ['429;times=x']])(
    'rejects %s with a readable reason',
    (text) => {
      expect(parseFault(text)).toEqual({ error: expect.stringContaining(`Bad x-rill-mock-fault "${text}"`) });
    },
  );
});
