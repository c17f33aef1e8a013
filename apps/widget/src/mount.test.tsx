import { createMockProvider } from '@rill/mock';
import { act, fireEvent, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, type WidgetHandle } from './mount.js';

let widget: WidgetHandle | undefined;
afterEach(() => {
  act(() => widget?.unmount());
  widget = undefined;
  document.body.replaceChildren();
  sessionStorage.clear();
  vi.unstubAllGlobals();
});

function mounted(options: Partial<Parameters<typeof mount>[1]> = {}) {
  const host = document.body.appendChild(document.createElement('rill-widget'));
  act(() => {
    widget = mount(host, { endpoint: '/api/v1/messages', provider: 'anthropic', title: 'Help', ...options });
  });
  return { host, shadow: within(host.shadowRoot as unknown as HTMLElement) };
}

describe('mount', () => {
  it('renders into a shadow root with its own styles, none in the page', () => {
    const { host, shadow } = mounted();
    expect(host.shadowRoot?.querySelector('style')).not.toBeNull();
    expect(document.head.querySelector('style')).toBeNull();
    expect(shadow.getByRole('button', { name: 'Open Help' })).toHaveProperty('ariaExpanded', 'false');
  });

  it('opens a dialog with the message box focused; Escape closes it and focus returns to the launcher', () => {
    const { host, shadow } = mounted({ greeting: 'Ask away' });
    act(() => shadow.getByRole('button', { name: 'Open Help' }).click());
    expect(shadow.getByRole('dialog', { name: 'Help' })).toBeTruthy();
    expect(shadow.getByText('Ask away')).toBeTruthy();
    expect(host.shadowRoot?.activeElement).toBe(shadow.getByRole('textbox', { name: 'Message' }));
    expect(shadow.getByRole('button', { name: 'Send' })).toBeTruthy();
    fireEvent.keyDown(shadow.getByRole('textbox', { name: 'Message' }), { key: 'Escape' });
    expect(shadow.queryByRole('dialog')).toBeNull();
    expect(host.shadowRoot?.activeElement).toBe(shadow.getByRole('button', { name: 'Open Help' }));
  });

  it('restores the conversation kept in sessionStorage', () => {
    const saved = [{ id: 'u1', role: 'user', text: 'Where is my parcel?' }];
    sessionStorage.setItem('rill-widget:/api/v1/messages', JSON.stringify(saved));
    const { shadow } = mounted({ open: true });
    expect(shadow.getByRole('log', { name: 'Help conversation' }).textContent).toContain('Where is my parcel?');
  });

  it('refuses a second widget on the same element, and a bad endpoint, with clear messages', () => {
    const { host } = mounted();
    expect(() => mount(host, { endpoint: '/api/chat', provider: 'anthropic' })).toThrow('already holds a widget');
    expect(() => mount(document.createElement('div'), { endpoint: ' ', provider: 'anthropic' })).toThrow(
      'an endpoint is required',
    );
  });

  it('can mount again after unmount', () => {
    const { host } = mounted();
    act(() => widget?.unmount());
    act(() => {
      widget = mount(host, { endpoint: '/api/chat', provider: 'openai-chat', title: 'Again' });
    });
    expect(within(host.shadowRoot as unknown as HTMLElement).getByRole('button', { name: 'Open Again' })).toBeTruthy();
  });
});

describe('chat panel', () => {
  it("does not send on Safari's composition-confirming Enter (keyCode 229, isComposing false)", () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    vi.stubGlobal('fetch', fetch);
    const { shadow } = mounted({ open: true });
    const box = shadow.getByRole('textbox', { name: 'Message' });
    fireEvent.change(box, { target: { value: 'にほん' } });
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 229 });
    expect(fetch).not.toHaveBeenCalled();
    expect(box).toHaveProperty('value', 'にほん');
    expect(shadow.getByRole('log').textContent).not.toContain('にほん');
  });

  it('moves focus from Stop to the message box when the answer ends, so Escape still closes', async () => {
    const mock = createMockProvider({ timing: { ttftMs: 30, tokenDelayMs: 5 } });
    // jsdom's AbortSignal is not Node's: the mock gets the request without it.
    vi.stubGlobal('fetch', (url: string, init: RequestInit) =>
      mock.handle(
        new Request(new URL(url, location.href), { method: init.method, headers: init.headers, body: init.body }),
      ),
    );
    const { host, shadow } = mounted({ open: true });
    const box = shadow.getByRole('textbox', { name: 'Message' });
    fireEvent.change(box, { target: { value: 'Hello' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    const stop = await shadow.findByRole('button', { name: 'Stop' });
    act(() => stop.focus());
    await shadow.findByRole('button', { name: 'Send' }, { timeout: 3000 });
    expect(host.shadowRoot?.activeElement).toBe(box);
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(shadow.queryByRole('dialog')).toBeNull();
  });
});
