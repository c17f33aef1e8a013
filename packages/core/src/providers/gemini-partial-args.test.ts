import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFixture, loadProviderFixtures } from '../../test/provider-fixtures.js';
import { accumulate, type Message, type ToolCallPart } from '../message/index.js';
import { readSSE } from '../sse/index.js';
import { createPartialArgsWriter } from './gemini-partial-args.js';
import { decodeProvider } from './index.js';

const calls = (m: Message): ToolCallPart[] => m.parts.filter((p): p is ToolCallPart => p.type === 'tool-call');

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

/** The `partialArgs` entries Gemini would stream for `value`: leaves in document order, strings cut in pieces. */
function entries(value: Value, cuts: number[], path = '$'): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => entries(item, cuts, `${path}[${i}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) =>
      entries(item, cuts, /^[A-Za-z_]\w*$/.test(key) ? `${path}.${key}` : `${path}['${key}']`),
    );
  if (typeof value === 'string') {
    const size = Math.max(1, cuts[value.length % cuts.length] ?? 1);
    const pieces: Record<string, unknown>[] = [];
    for (let at = 0; at < value.length; at += size)
      pieces.push({ jsonPath: path, stringValue: value.slice(at, at + size), willContinue: true });
    return [...pieces, { jsonPath: path, stringValue: '' }];
  }
  if (typeof value === 'number') return [{ jsonPath: path, numberValue: value }];
  if (typeof value === 'boolean') return [{ jsonPath: path, boolValue: value }];
  return [{ jsonPath: path, nullValue: null }];
}

// Gemini never streams an empty container (it has no leaf to carry it), and keys with quotes or brackets need no path form here.
const leafy: fc.Arbitrary<Value> = fc.letrec<{ value: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { minLength: 1, maxLength: 4 }),
    fc.dictionary(fc.stringMatching(/^[\w .-]{1,8}$/), tie('value'), { minKeys: 1, maxKeys: 4 }),
  ),
})).value;

describe('Gemini streamed function-call arguments', () => {
  it('writes any arguments Gemini could stream as JSON text that parses to them, whatever the string cuts', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-z]\w{0,6}$/), leafy, { minKeys: 1, maxKeys: 5 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1 }),
        (args, cuts) => {
          const writer = createPartialArgsWriter();
          const text =
            entries(args, cuts)
              .map((e) => writer.push(e).text)
              .join('') + writer.end();
          expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(args)));
        },
      ),
    );
  });

  it('refuses an entry that goes back (an earlier index, a key already written), keeping the JSON well formed', () => {
    const writer = createPartialArgsWriter();
    const pushed = [
      writer.push({ jsonPath: '$.items[1]', numberValue: 2 }),
      writer.push({ jsonPath: '$.items[0]', numberValue: 1 }),
      writer.push({ jsonPath: '$.name', stringValue: 'a' }),
      writer.push({ jsonPath: '$.name', stringValue: 'b' }),
    ];
    expect(pushed.map((p) => p.placed)).toEqual([true, false, true, false]);
    expect(JSON.parse(pushed.map((p) => p.text).join('') + writer.end())).toEqual({ items: [null, 2], name: 'a' });
  });

  it('accumulates each streamed call into one call whose input grows, never a runnable call before its last piece', async () => {
    const fixture = loadProviderFixtures().find((f) => f.name === 'gemini-streamed-function-args');
    const seen: Message[] = [];
    const final = await accumulate(decodeProvider('gemini', readSSE(new Response(fixture?.bytes))), (m) =>
      seen.push(m),
    );
    expect(calls(final).map((c) => [c.toolName, c.input, c.state])).toEqual([
      ['getWeather', { location: 'Boston' }, 'input-available'],
      ['getWeather', { location: 'San Francisco' }, 'input-available'],
    ]);
    const first = seen.map((m) => calls(m)[0]).filter((c) => c !== undefined);
    expect(
      first
        .filter((c) => c.state === 'input-available')
        .every((c) => (c.input as { location?: string } | undefined)?.location === 'Boston'),
    ).toBe(true);
    expect(
      first.some(
        (c) => c.state === 'input-streaming' && (c.input as { location?: string } | undefined)?.location === 'Boston',
      ),
    ).toBe(true);
    expect(final).toMatchObject({ finishReason: 'tool-calls', rawFinishReason: 'STOP' });
  });

  it('builds nested objects and arrays, numbers, a whole call without arguments, and ends a call whose last piece says no more', async () => {
    const [recipe] = calls(await decodeFixture('gemini-streamed-function-args-nested'));
    const input = recipe?.input as {
      recipe: { ingredients: { amount: string; name: string }[]; name: string; steps: string[] };
    };
    expect(input.recipe.ingredients).toHaveLength(10);
    expect(input.recipe.ingredients[9]).toEqual({ amount: '1/2 tsp', name: 'Pepper' });
    expect(input.recipe.name).toBe('Lasagna');
    expect(input.recipe.steps[1]).toBe('Cook lasagna noodles according to package directions, drain and set aside.');
    expect(
      calls(await decodeFixture('gemini-streamed-function-args-parallel')).map((c) => [c.toolName, c.input]),
    ).toEqual([
      ['read_theme', {}],
      ['read_screen', { id: 'A' }],
      ['read_screen', { id: 'B' }],
      ['read_screen', { id: 'C' }],
    ]);
    const [items] = calls(await decodeFixture('gemini-streamed-function-args-no-terminal'));
    expect(items?.input).toEqual({
      operations: [
        { action: 'add', description: 'Fresh red apple', itemid: 'apple_001', price: 0.5 },
        { action: 'add', description: 'Ripe yellow banana', itemid: 'banana_001', price: 0.3 },
      ],
    });
  });
});
