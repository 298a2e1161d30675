// A Svelte action: calls `onNear` whenever the element comes within `margin`
// pixels of being visible in its nearest scrolling ancestor (`.scroll`, else
// the window). The journal uses it to load the next page before the reader
// reaches the end of the list.

export interface NearViewOptions {
  onNear: () => void;
  /** How far ahead, in pixels (default 600). */
  margin?: number;
}

export function nearView(node: HTMLElement, options: NearViewOptions) {
  let current = options;
  const observer = new IntersectionObserver(
    (records) => {
      if (records.some((r) => r.isIntersecting)) current.onNear();
    },
    // The margin only widens the root's box, so the root must be the box
    // that actually scrolls.
    {
      root: node.parentElement?.closest('.scroll') ?? null,
      rootMargin: `${options.margin ?? 600}px 0px`,
    },
  );
  observer.observe(node);
  return {
    update(next: NearViewOptions) {
      current = next;
    },
    destroy() {
      observer.disconnect();
    },
  };
}
