import { describe, expect, it } from 'vitest';
import { calculate } from './calculator.js';

describe('calculate', () => {
  it.each([
    ['2 + 3 * 4', 14],
    ['10 - 4 / 2', 8],
    ['2 * 3 + 4 * 5', 26],
    ['10 - 3 - 2', 5],
    ['16 / 4 / 2', 2],
  ])('gives * and / precedence over + and -, left to right: %s = %d', (expression, value) => {
    expect(calculate(expression)).toBe(value);
  });

  it.each([
    ['12 * (3 + 4)', 84],
    ['((1 + 2) * (3 + 4))', 21],
    ['(10 - (2 + 3)) / 5', 1],
    ['1.5 * 4', 6],
    [' 12*(3+4) ', 84],
  ])('evaluates parentheses first: %s = %d', (expression, value) => {
    expect(calculate(expression)).toBe(value);
  });

  it.each([
    ['-3 + 5', 2],
    ['2 * -3', -6],
    ['-(2 + 3)', -5],
    ['--4', 4],
    ['4 - -1', 5],
  ])('reads unary minus: %s = %d', (expression, value) => {
    expect(calculate(expression)).toBe(value);
  });

  it('refuses a division by zero with an error, not Infinity', () => {
    expect(() => calculate('1 / 0')).toThrow('Division by zero in 1 / 0');
    expect(() => calculate('5 / (3 - 3)')).toThrow('Division by zero');
    expect(calculate('0 / 5')).toBe(0);
  });

  it.each([
    ['2 +', 'Unexpected end in 2 +'],
    ['', 'Unexpected end in '],
    ['(1 + 2', 'Missing ")" in (1 + 2'],
    ['1 + 2)', 'Unexpected ) in 1 + 2)'],
    ['1 2', 'Unexpected 2 in 1 2'],
    ['2 $ 3', 'Unexpected $ in 2 $ 3'],
    ['* 3', 'Unexpected * in * 3'],
    ['1.5.2', 'Unexpected . in 1.5.2'],
  ])('names what is wrong in malformed input: %j', (expression, message) => {
    expect(() => calculate(expression)).toThrow(message);
  });

  it('never runs the input as code', () => {
    const scope = globalThis as { rillDemoHacked?: number };
    expect(() => calculate('globalThis.rillDemoHacked = 1')).toThrow('Unexpected g');
    expect(() => calculate('(() => 1)()')).toThrow('Unexpected )');
    expect(scope.rillDemoHacked).toBeUndefined();
  });
});
