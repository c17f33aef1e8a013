import { describe, expect, it } from 'vitest';
import { readScriptOptions, validateOptions } from './options.js';

function script(attributes: Record<string, string>): HTMLScriptElement {
  const el = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

describe('readScriptOptions', () => {
  it('reads every data-* setting from the script tag', () => {
    const options = readScriptOptions(
      script({
        'data-endpoint': '/api/chat',
        'data-provider': 'gemini',
        'data-model': 'gemini-2.5-flash',
        'data-title': 'Help',
        'data-greeting': 'Hi',
        'data-storage-key': 'k',
        'data-theme': 'dark',
        'data-open': '',
      }),
    );
    expect(options).toEqual({
      endpoint: '/api/chat',
      provider: 'gemini',
      model: 'gemini-2.5-flash',
      title: 'Help',
      greeting: 'Hi',
      storageKey: 'k',
      theme: 'dark',
      open: true,
    });
  });

  it('leaves unset settings out, so the defaults apply', () => {
    expect(
      readScriptOptions(script({ 'data-endpoint': '/api/chat', 'data-provider': 'anthropic', 'data-open': 'false' })),
    ).toEqual({ endpoint: '/api/chat', provider: 'anthropic', open: false });
  });

  it.each([
    [{ 'data-provider': 'anthropic' }, 'an endpoint is required'],
    [
      { 'data-endpoint': '/api/chat', 'data-provider': 'openai' },
      'provider "openai" is not one of anthropic, openai-chat, openai-responses, gemini',
    ],
    [{ 'data-endpoint': '/api/chat' }, 'provider "" is not one of'],
    [
      { 'data-endpoint': '/api/chat', 'data-provider': 'anthropic', 'data-theme': 'blue' },
      'theme "blue" is not light or dark',
    ],
  ])('rejects %j with a message naming the setting', (attributes, message) => {
    expect(() => readScriptOptions(script(attributes))).toThrow(message);
  });
});

describe('validateOptions', () => {
  it('returns valid options unchanged', () => {
    const options = { endpoint: '/api/chat', provider: 'openai-responses' as const };
    expect(validateOptions(options)).toBe(options);
  });
});
