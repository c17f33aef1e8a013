// The host page's root font size must not scale the widget: rem is resolved against this instead.
const ROOT_FONT_PX = 16;

/**
 * Adapts a page stylesheet to the widget's shadow root: `:root` (which never matches inside a
 * shadow tree) becomes the widget's own root element, and `rem` lengths become pixels, since rem
 * follows the host page's `<html>` font size.
 *
 * @example shadowStyles(':root { --gap: 0.5rem }', '.rill-widget'); // '.rill-widget { --gap: 8px }'
 */
export function shadowStyles(css: string, rootSelector: string): string {
  return css
    .replaceAll(':root', rootSelector)
    .replace(/(\d*\.?\d+)rem\b/g, (_, n: string) => `${+(Number(n) * ROOT_FONT_PX).toFixed(2)}px`);
}
