/**
 * Calls `callback` when the page is hidden or unloaded (`pagehide`, or `visibilitychange` to
 * hidden, which a mobile browser may give instead before it discards the tab): the last moment a
 * page can count on to save. Returns the function that stops listening; a no-op without a page.
 *
 * @example
 * const stopListening = onPageHide(() => storage.setItem('draft', text));
 */
export function onPageHide(callback: () => void): () => void {
  if (typeof window === 'undefined' || typeof document === 'undefined') return () => undefined;
  const onVisibility = (): void => {
    if (document.visibilityState === 'hidden') callback();
  };
  window.addEventListener('pagehide', callback);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    window.removeEventListener('pagehide', callback);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
