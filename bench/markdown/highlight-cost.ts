// What syntax highlighting adds per streamed token: a ~10 KB TypeScript code block streamed token by token
// (4 to 10 characters each) through @rill/ui's Markdown, rendered by React into jsdom after every token (a task
// each), with highlighting on (its grammar already loaded) and off, in CPU time. Run from bench.ts, after its other tables: it makes jsdom global.
import { installJsdom } from '../jsdom-globals.js';
import { median } from '../median.js';
import { tiny } from '../tiny.js';
import { longTypeScript, tokenPieces } from './documents.js';

/**
 * Prints ms per 1,000 streamed tokens, highlighting on and off, over the whole block and over its last quarter.
 *
 * @example await highlightCost();
 */
export async function highlightCost(): Promise<void> {
  installJsdom();
  const { createElement } = await import('react');
  const { flushSync } = await import('react-dom');
  const { createRoot } = await import('react-dom/client');
  const { Markdown } = await import('../../packages/ui/src/markdown/index.js');

  const code = longTypeScript(tiny ? 1024 : 10 * 1024);
  const pieces = tokenPieces(`Here is the module:\n\n\`\`\`ts\n${code}\n\`\`\`\n`, Infinity);
  const lastQuarter = Math.floor((pieces.length * 3) / 4);

  // The process's CPU time: the renders, and the later tasks highlighting leaves lines to, but not the waits.
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  // A task boundary after each token, as a network gives: highlighting tokenises within a budget per task.
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

  // Streams every piece into a fresh root; returns the CPU ms for all tokens and for the last quarter.
  const stream = async (highlight: boolean): Promise<[number, number]> => {
    const container = document.createElement('div');
    const root = createRoot(container);
    let text = '';
    const start = cpuMs();
    let quarter = start;
    for (const [i, piece] of pieces.entries()) {
      if (i === lastQuarter) quarter = cpuMs();
      text += piece;
      flushSync(() => root.render(createElement(Markdown, { text, streaming: true, highlight })));
      await nextTask();
    }
    flushSync(() => root.render(createElement(Markdown, { text, highlight })));
    // Lines left for later tasks are highlighted within a few frames.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const end = cpuMs();
    if (highlight && container.querySelector('[data-highlighted]') === null) throw new Error('never highlighted');
    root.unmount();
    return [end - start, end - quarter];
  };

  // Load Shiki and the grammar first: the figures are the steady cost per token, not the one-time load.
  const loadStart = performance.now();
  const probe = document.createElement('div');
  const probeRoot = createRoot(probe);
  flushSync(() => probeRoot.render(createElement(Markdown, { text: '```ts\nconst a = 1;\n```' })));
  while (probe.querySelector('[data-highlighted]') === null) await new Promise((resolve) => setTimeout(resolve, 5));
  const loadMs = performance.now() - loadStart;
  probeRoot.unmount();

  const runs = tiny ? 1 : 5;
  const results: (readonly [number, number])[] = [];
  for (const highlight of [false, true]) {
    await stream(highlight); // warm-up
    const timed: [number, number][] = [];
    for (let run = 0; run < runs; run++) timed.push(await stream(highlight));
    results.push([median(timed.map(([all]) => all)), median(timed.map(([, last]) => last))]);
  }
  const [off, on] = results as [readonly [number, number], readonly [number, number]];
  const perK = (ms: number, tokens: number) => (ms * 1000) / tokens;
  const lastTokens = pieces.length - lastQuarter;
  console.log(
    `\nSyntax highlighting: a ${(code.length / 1024).toFixed(1)} KiB TypeScript block streamed in ${pieces.length} tokens (4-10 characters) through Markdown, React into jsdom after each (median of ${runs}):`,
  );
  console.log(`  ${''.padEnd(40)} ${'CPU ms / 1,000 tok'.padStart(18)} ${'last quarter'.padStart(14)}`);
  for (const [name, [all, last]] of [
    ['highlight={false}', off],
    ['highlight (grammar loaded)', on],
  ] as const)
    console.log(
      `  ${name.padEnd(40)} ${perK(all, pieces.length).toFixed(1).padStart(18)} ${perK(last, lastTokens).toFixed(1).padStart(14)}`,
    );
  console.log(
    `  ${'ratio on / off'.padEnd(40)} ${(on[0] / off[0]).toFixed(2).padStart(17)}x ${(on[1] / off[1]).toFixed(2).padStart(13)}x`,
  );
  console.log(`  first highlighted block: Shiki and the grammar loaded in ${loadMs.toFixed(0)} ms (once per page)`);
}
