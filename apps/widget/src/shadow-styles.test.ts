import { describe, expect, it } from 'vitest';
import { shadowStyles } from './shadow-styles.js';

describe('shadowStyles', () => {
  it('moves :root custom properties onto the widget root, which a shadow tree can match', () => {
    expect(
      shadowStyles(
        ':root,[data-theme=light]{--a:1}@media (prefers-color-scheme:dark){:root:not([data-theme=light]){--a:2}}',
        '.w',
      ),
    ).toBe('.w,[data-theme=light]{--a:1}@media (prefers-color-scheme:dark){.w:not([data-theme=light]){--a:2}}');
  });

  it('turns rem into pixels, so the host page root font size cannot scale the widget', () => {
    expect(shadowStyles('a{padding:.25rem 0.75rem;margin:2rem;width:calc(100% - 1rem)}', '.w')).toBe(
      'a{padding:4px 12px;margin:32px;width:calc(100% - 16px)}',
    );
  });

  it('leaves other units and names alone', () => {
    expect(shadowStyles('.premium{width:3em;height:10px;--remote:1}', '.w')).toBe(
      '.premium{width:3em;height:10px;--remote:1}',
    );
  });
});
