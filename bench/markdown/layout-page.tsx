// The page layout.ts loads: Markdown rendered synchronously for each text, laid out after each.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { Markdown } from '../../packages/ui/src/markdown/index.js';

declare global {
  interface Window {
    /** Renders `doc` up to `from`, then grows it to `to` in `step`-character updates; returns the ms the updates took. */
    grow(doc: string, from: number, to: number, step: number): number;
  }
}

const root = createRoot(document.getElementById('root') as HTMLElement);
const show = (text: string) => {
  flushSync(() => root.render(<Markdown text={text} streaming />));
  // Reading a size lays the page out now, as the next frame would.
  return document.body.offsetHeight;
};

window.grow = (doc, from, to, step) => {
  show('');
  show(doc.slice(0, from));
  const start = performance.now();
  for (let at = from + step; at <= to; at += step) show(doc.slice(0, at));
  return performance.now() - start;
};
