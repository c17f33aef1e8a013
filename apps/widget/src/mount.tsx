import uiStyles from '@rill/ui/styles.css?inline';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ChatWidget } from './chat-widget.js';
import { validateOptions, type WidgetOptions } from './options.js';
import { shadowStyles } from './shadow-styles.js';
import widgetStyles from './widget.css?inline';

/** A mounted widget. */
export interface WidgetHandle {
  /** Removes the widget; the conversation stays in sessionStorage for the next mount. */
  unmount(): void;
}

/**
 * Adds the chat launcher and panel to `host`, inside an open Shadow DOM with its own styles, so
 * the page's CSS cannot reach it and its CSS cannot leak out.
 *
 * @example
 * const widget = RillWidget.mount(document.querySelector('#help')!, { endpoint: '/api/chat', provider: 'openai-chat' });
 * widget.unmount();
 */
export function mount(host: HTMLElement, options: WidgetOptions): WidgetHandle {
  validateOptions(options);
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  if (shadow.childNodes.length > 0)
    throw new Error('Rill widget: this element already holds a widget or other shadow content; unmount it first.');
  const style = document.createElement('style');
  style.textContent = shadowStyles(uiStyles, '.rill-widget') + widgetStyles;
  const container = document.createElement('div');
  shadow.append(style, container);
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <ChatWidget options={options} />
    </StrictMode>,
  );
  return {
    unmount() {
      root.unmount();
      shadow.replaceChildren();
    },
  };
}
