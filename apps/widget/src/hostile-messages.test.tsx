import { createMockProvider } from '@rill/mock';
import { act, fireEvent, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  corpusDocument,
  disallowedUrls,
  hostileDestinations,
  linkForms,
} from '../../../packages/ui/test/xss-corpus.js';
import { mount, type WidgetHandle } from './mount.js';

const STORAGE_KEY = 'rill-widget:/api/v1/messages';

let widget: WidgetHandle | undefined;
afterEach(() => {
  act(() => widget?.unmount());
  widget = undefined;
  document.body.replaceChildren();
  sessionStorage.clear();
  vi.unstubAllGlobals();
});

/** Stores a conversation as the widget keeps it, then mounts the widget open, as a page reload does. */
function reloadWith(answers: readonly string[]) {
  const stored = answers.flatMap((text, i) => [
    { id: `u${i}`, role: 'user', text: `Question ${i}` },
    { id: `a${i}`, role: 'assistant', message: { role: 'assistant', status: 'done', parts: [{ type: 'text', text }] } },
  ]);
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
  const host = document.body.appendChild(document.createElement('rill-widget'));
  act(() => {
    widget = mount(host, { endpoint: '/api/v1/messages', provider: 'anthropic', title: 'Help', open: true });
  });
  const shadow = host.shadowRoot as ShadowRoot;
  return { shadow, screen: within(shadow as unknown as HTMLElement) };
}

describe('widget with hostile model output restored from sessionStorage', () => {
  it('renders no href or src outside http(s), mailto and relative URLs (the XSS corpus as inline, reference and image links)', () => {
    const destinations = hostileDestinations();
    const forms = ['angle', 'referenceAngle', 'image'] as const;
    const { shadow } = reloadWith(forms.map((form) => corpusDocument(linkForms[form], destinations)));
    expect(shadow.querySelectorAll('article')).toHaveLength(forms.length);
    expect(disallowedUrls(shadow)).toEqual([]);
    expect(shadow.querySelectorAll('a[href^="https://ok.example/"]')).toHaveLength(forms.length * destinations.length);
  }, 30_000);

  it('mounts with deeply nested messages, shows the rest, and the message box still sends', async () => {
    const mock = createMockProvider({ timing: { ttftMs: 0, tokenDelayMs: 0 } });
    // jsdom's AbortSignal is not Node's: the mock gets the request without it.
    vi.stubGlobal('fetch', (url: string, init: RequestInit) =>
      mock.handle(
        new Request(new URL(url, location.href), { method: init.method, headers: init.headers, body: init.body }),
      ),
    );
    const { screen } = reloadWith([
      `${'* '.repeat(1055)}x`,
      '>'.repeat(1485),
      '1. '.repeat(1349),
      `${'*'.repeat(2000)}deep${'*'.repeat(2000)}`,
      'A **normal** answer.',
    ]);
    const log = screen.getByRole('log', { name: 'Help conversation' });
    expect(within(log).getAllByRole('article', { name: 'Assistant message' })).toHaveLength(5);
    expect(within(log).getByText('normal').tagName).toBe('STRONG');
    expect(log.textContent).toContain('deep');

    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(box, { target: { value: 'Still there?' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(log.textContent).toContain('Still there?');
    await screen.findByRole('button', { name: 'Send' }, { timeout: 3000 });
    expect(within(log).getAllByRole('article', { name: 'Assistant message' })).toHaveLength(6);
  });
});
