// One IntersectionObserver for every code block: a done block is highlighted when it first comes near the viewport, so a
// restored conversation of hundreds of blocks costs what the ones on screen cost.

const waiting = new Map<Element, () => void>();
let observer: IntersectionObserver | undefined;

/**
 * Calls `onNear` once, when `element` first comes within half a screen of the viewport (at once where there is no
 * IntersectionObserver: server, tests); returns a function that stops watching.
 *
 * @example
 * useEffect(() => whenNearViewport(ref.current, () => setNear(true)), []);
 */
export function whenNearViewport(element: Element, onNear: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    onNear();
    return () => undefined;
  }
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const near = entry.isIntersecting ? waiting.get(entry.target) : undefined;
        if (near === undefined) continue;
        stop(entry.target);
        near();
      }
    },
    { rootMargin: '50% 0px' },
  );
  waiting.set(element, onNear);
  observer.observe(element);
  return () => stop(element);
}

function stop(element: Element): void {
  waiting.delete(element);
  observer?.unobserve(element);
}
