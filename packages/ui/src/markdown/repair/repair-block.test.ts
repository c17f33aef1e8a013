import { describe, expect, it } from 'vitest';
import { repairBlock } from './index.js';

// [block being written, what it renders as]
const cases: [string, string][] = [
  ['Some **bold', 'Some **bold**'],
  ['Some *emphasis', 'Some *emphasis*'],
  ['Some __bold', 'Some __bold__'],
  ['Some ~~gone', 'Some ~~gone~~'],
  ['***both', '***both***'],
  ['**bold** and *it', '**bold** and *it*'],
  ['Some **bold and `code', 'Some **bold and `code`**'],
  ['`a **b', '`a **b`'],
  ['Hello **', 'Hello '],
  ['* a list item', '* a list item'],
  ['2 * 3 = 6', '2 * 3 = 6'],
  ['snake_case_name', 'snake_case_name'],
  ['see [the do', 'see [the do](rill-pending:)'],
  ['see [docs](https://exa', 'see [docs](rill-pending:)'],
  ['**bold [li', '**bold [li](rill-pending:)**'],
  ['done [docs](https://example.com)', 'done [docs](https://example.com)'],
  ['```js\nlet a = 1;\n``', '```js\nlet a = 1;\n'],
  ['```js\nlet a = **1', '```js\nlet a = **1'],
  ['```js\nlet a = 1;\n```', '```js\nlet a = 1;\n```'],
];

describe('repairBlock', () => {
  it.each(cases)('%j renders as %j', (block, repaired) => {
    expect(repairBlock(block)).toBe(repaired);
  });
});
