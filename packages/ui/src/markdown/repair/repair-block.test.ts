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
  ['1. **Run** this:\n\n   ```sh\n   ls *.txt', '1. **Run** this:\n\n   ```sh\n   ls *.txt'],
  ['1. *Run:\n   ```sh\n   ls\n   ``', '1. *Run:*\n   ```sh\n   ls\n'],
  ['> ```js\n> a **b', '> ```js\n> a **b'],
  ['text\n```js\ncode **', 'text\n```js\ncode **'],
  ['    indented code **x', '    indented code **x'],
  ['See [the page](https://ex.com/_private) and more', 'See [the page](https://ex.com/_private) and more'],
  ['See [the page](https://ex.com/*) and *more', 'See [the page](https://ex.com/*) and *more*'],
  ['See https://ex.com/_private and more', 'See https://ex.com/_private and more'],
  ['**see https://ex.com** and _more', '**see https://ex.com** and _more_'],
  ['see [wiki](https://en.wikipedia.org/wiki/Foo_(bar)', 'see [wiki](rill-pending:)'],
  ['Use `', 'Use '],
  ['2. Run\n   ``', '2. Run\n   '],
  ['Gone ~', 'Gone '],
  ['~~gone~', '~~gone~~'],
  ['cd ~/src and', 'cd ~/src and'],
  ['   ls *.txt\n\n1', '   ls *.txt\n\n1'],
  ['- a **b\n- c *d', '- a **b\n- c *d*'],
  ['| **x | y |\n| z', '| **x | y |\n| z'],
  ['```\na\n\nb\n```\ntext **x', '```\na\n\nb\n```\ntext **x**'],
  ['Some **bold\n', 'Some **bold**'],
];

describe('repairBlock', () => {
  it.each(cases)('%j renders as %j', (block, repaired) => {
    expect(repairBlock(block)).toBe(repaired);
  });
});
