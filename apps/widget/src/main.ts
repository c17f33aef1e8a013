// The script-tag entry (built as the IIFE global `RillWidget`): exposes `mount` and, when its own
// <script> carries data-endpoint, mounts a widget on the page by itself.
import { mount } from './mount.js';
import { readScriptOptions } from './options.js';

export { mount } from './mount.js';
export type { WidgetHandle } from './mount.js';
export type { WidgetOptions } from './options.js';

const script = document.currentScript;
if (script instanceof HTMLScriptElement && script.dataset.endpoint !== undefined) {
  const options = readScriptOptions(script);
  const start = () => mount(document.body.appendChild(document.createElement('rill-widget')), options);
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
}
