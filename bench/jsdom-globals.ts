// A jsdom window as the browser globals React and Rill look up, for the benches that render in Node.
import { JSDOM } from 'jsdom';

/**
 * Makes a jsdom document (with animation frames at 60 Hz) the global `window`, `document` and friends; returns it.
 *
 * @example installJsdom(); const { createRoot } = await import('react-dom/client');
 */
export function installJsdom(): JSDOM {
  const dom = new JSDOM('<!doctype html><div id="root"></div>', { pretendToBeVisual: true });
  Object.assign(globalThis, {
    window: dom.window,
    document: dom.window.document,
    navigator: dom.window.navigator,
    HTMLElement: dom.window.HTMLElement,
    requestAnimationFrame: dom.window.requestAnimationFrame.bind(dom.window),
    cancelAnimationFrame: dom.window.cancelAnimationFrame.bind(dom.window),
    IS_REACT_ACT_ENVIRONMENT: false,
  });
  return dom;
}
