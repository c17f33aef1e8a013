import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { accumulate, type Message } from '../src/message/index.js';
import type { ProviderName } from '../src/message/types.js';
import { decodeProvider } from '../src/providers/index.js';
import { readSSE } from '../src/sse/index.js';

const dir = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** One recorded provider stream and the Message fields decoding it must give. */
export interface ProviderFixture {
  name: string;
  provider: ProviderName;
  bytes: Uint8Array<ArrayBuffer>;
  expected: Record<string, unknown>;
}

const providers: ProviderName[] = ['openai-responses', 'openai-chat', 'anthropic', 'gemini'];

/**
 * Every `NAME.sse` + `NAME.expected.json` pair in test/fixtures; the provider is the name's prefix.
 *
 * @example for (const { name, provider, bytes, expected } of loadProviderFixtures()) it(name, …);
 */
export function loadProviderFixtures(): ProviderFixture[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sse'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.sse'.length);
      const provider = providers.find((p) => name.startsWith(`${p}-`));
      if (provider === undefined) throw new Error(`fixture ${file} does not start with a provider name`);
      return {
        name,
        provider,
        bytes: new Uint8Array(readFileSync(`${dir}${file}`)),
        expected: JSON.parse(readFileSync(`${dir}${name}.expected.json`, 'utf8')) as Record<string, unknown>,
      };
    });
}

/**
 * A small seeded PRNG (mulberry32), so a failing chunking can be replayed from its seed; @rill/mock's
 * `seededRandom` is the same, but core's tests cannot import mock (mock depends on core).
 *
 * @example chunkedBody(bytes, seededRandom(7)); // the same cuts every run
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The bytes as a body cut at random byte offsets (1 to `maxChunk` bytes a chunk), splitting lines and characters.
 *
 * @example readSSE(chunkedBody(bytes, seededRandom(7), 16)); // at most 16 bytes a read
 */
export function chunkedBody(bytes: Uint8Array, random: () => number, maxChunk = 64): ReadableStream<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length;) {
    const size = 1 + Math.floor(random() * maxChunk);
    chunks.push(bytes.slice(at, at + size));
    at += size;
  }
  // An index, not shift(): shifting a long array costs O(length) per chunk, quadratic over a large fixture.
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
  });
}

/**
 * The Message a fixture decodes to, read in one chunk.
 *
 * @example const message = await decodeFixture('gemini-grounding');
 */
export async function decodeFixture(name: string): Promise<Message> {
  const fixture = loadProviderFixtures().find((f) => f.name === name);
  if (fixture === undefined) throw new Error(`no fixture named ${name}`);
  return accumulate(decodeProvider(fixture.provider, readSSE(new Response(fixture.bytes))));
}

/**
 * Every SSE event of a fixture, parsed: for checks made against the raw stream rather than the decoder.
 *
 * @example fixtureEvents('gemini-grounding').filter((e) => e.candidates);
 */
export function fixtureEvents(name: string): Record<string, unknown>[] {
  const text = readFileSync(`${dir}${name}.sse`, 'utf8');
  return text
    .split(/\r?\n/)
    .filter((line) => line.startsWith('data: ') && line !== 'data: [DONE]')
    .map((line) => JSON.parse(line.slice('data: '.length)) as Record<string, unknown>);
}
