/** True on macOS, where shortcuts use ⌘ instead of Ctrl. */
export const isMac: boolean =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/i.test(navigator.platform || navigator.userAgent);

/** How to write the primary modifier in hints. */
export const modKey = isMac ? '⌘' : 'Ctrl';
