import type { ProviderName } from '@rill/core';

/** What a widget needs: the host's own streaming endpoint (never a provider key) and its wire format. */
export interface WidgetOptions {
  /** The host's backend that relays the provider's stream, e.g. `/api/chat`. */
  endpoint: string;
  /** The wire format the endpoint speaks. */
  provider: ProviderName;
  /** Sent in the request body; the host's backend may override it. Default `default`. */
  model?: string;
  /** The panel's heading and the launcher's name ("Open {title}"). Default `Chat`. */
  title?: string;
  /** The first line shown in an empty conversation. */
  greeting?: string;
  /** Where the conversation is kept in `sessionStorage`. Default `rill-widget:{endpoint}`. */
  storageKey?: string;
  /** `light`, `dark`, or follow the system (default). */
  theme?: 'light' | 'dark';
  /** Start with the panel open. */
  open?: boolean;
}

const PROVIDERS: readonly ProviderName[] = ['anthropic', 'openai-chat', 'openai-responses', 'gemini'];

const isProvider = (value: string): value is ProviderName => (PROVIDERS as readonly string[]).includes(value);

/**
 * Checks options given from script or attributes, so a typo fails at mount with a message that
 * names the setting instead of as a failed request later.
 *
 * @example validateOptions({ endpoint: '/api/chat', provider: 'anthropic' });
 */
export function validateOptions(options: WidgetOptions): WidgetOptions {
  if (typeof options.endpoint !== 'string' || options.endpoint.trim() === '') {
    throw new TypeError(
      'Rill widget: an endpoint is required (data-endpoint="/api/chat"): the URL of your own backend that relays the model stream.',
    );
  }
  if (!isProvider(options.provider)) {
    throw new TypeError(
      `Rill widget: provider "${String(options.provider)}" is not one of ${PROVIDERS.join(', ')} (data-provider).`,
    );
  }
  if (options.theme !== undefined && options.theme !== 'light' && options.theme !== 'dark') {
    throw new TypeError(
      `Rill widget: theme "${String(options.theme)}" is not light or dark (data-theme); leave it out to follow the system.`,
    );
  }
  return options;
}

/**
 * Reads a widget's options from its `<script>` tag's `data-*` attributes
 * (`data-endpoint`, `data-provider`, `data-model`, `data-title`, `data-greeting`, `data-storage-key`,
 * `data-theme`, `data-open`).
 *
 * @example readScriptOptions(document.currentScript as HTMLScriptElement);
 */
export function readScriptOptions(script: HTMLOrSVGScriptElement): WidgetOptions {
  const data = script.dataset;
  const options: WidgetOptions = { endpoint: data.endpoint ?? '', provider: (data.provider ?? '') as ProviderName };
  if (data.model) options.model = data.model;
  if (data.title) options.title = data.title;
  if (data.greeting) options.greeting = data.greeting;
  if (data.storageKey) options.storageKey = data.storageKey;
  if (data.theme) options.theme = data.theme as 'light' | 'dark';
  if (data.open !== undefined) options.open = data.open !== 'false';
  return validateOptions(options);
}
