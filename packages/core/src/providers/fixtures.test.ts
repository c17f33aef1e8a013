import { describe, expect, it } from 'vitest';
import { chunkedBody, loadProviderFixtures, seededRandom } from '../../test/provider-fixtures.js';
import { accumulate } from '../message/index.js';
import { readSSE } from '../sse/index.js';
import { decodeProvider } from './index.js';

const CHUNKINGS = 25;

describe.each(loadProviderFixtures())('fixture $name', ({ provider, bytes, expected }) => {
  it('decodes to the expected message in one chunk', async () => {
    const message = await accumulate(decodeProvider(provider, readSSE(new Response(bytes))));
    expect(message).toMatchObject(expected);
  });

  it(`decodes to the same message under ${CHUNKINGS} random byte chunkings`, async () => {
    for (let seed = 1; seed <= CHUNKINGS; seed++) {
      const random = seededRandom(seed);
      const message = await accumulate(
        decodeProvider(provider, readSSE(chunkedBody(bytes, random, 1 + Math.floor(random() * 80)))),
      );
      expect(message, `seed ${seed}`).toMatchObject(expected);
    }
  });
});
