// Every keyboard shortcut of the app, in one table: the "Keyboard shortcuts"
// dialog lists it, and the app-wide handlers (App, the journal's search)
// find what a key press does in it. Shortcuts that belong to one field or
// form (Esc, arrows, Ctrl+Enter) are handled there and listed here.

import { PAGES, type Page } from './pages';

/** What an app-wide shortcut does. */
export type Action =
  | { kind: 'quick-add' }
  | { kind: 'close-window' }
  | { kind: 'shortcuts' }
  | { kind: 'search' }
  | { kind: 'page'; page: Page };

export interface Shortcut {
  /** The chords that do it, as written: `Mod+N` (Mod: Ctrl, or ⌘ on a Mac), `?`, `↑ / ↓` for a pair. */
  keys: string[];
  does: string;
  group: ShortcutGroup;
  /** Set for the shortcuts the app-wide handlers act on. */
  action?: Action;
  /** A chord without Mod that also works while typing (none does today). */
  whileTyping?: boolean;
}

export const SHORTCUT_GROUPS = ['Anywhere', 'Journal', 'Kudos form', 'Date and time fields', 'Dialogs'] as const;
export type ShortcutGroup = (typeof SHORTCUT_GROUPS)[number];

/** The chord that opens a screen: Ctrl+1 for the first in the rail, and so on. */
export function pageChord(page: Page): string | null {
  const i = PAGES.findIndex((p) => p.id === page);
  return i >= 0 && i < 9 ? `Mod+${i + 1}` : null;
}

export const SHORTCUTS: ReadonlyArray<Shortcut> = [
  { keys: ['N'], does: 'Log kudos (outside text fields)', group: 'Anywhere', action: { kind: 'quick-add' } },
  { keys: ['Mod+N'], does: 'Log kudos, also while typing', group: 'Anywhere', action: { kind: 'quick-add' } },
  ...PAGES.flatMap((p): Shortcut[] => {
    const chord = pageChord(p.id);
    return chord ? [{ keys: [chord], does: `Go to ${p.label}`, group: 'Anywhere', action: { kind: 'page', page: p.id } }] : [];
  }),
  { keys: ['?'], does: 'Show these keyboard shortcuts', group: 'Anywhere', action: { kind: 'shortcuts' } },
  {
    keys: ['Mod+W'],
    does: 'Close the window (HugOps stays in the tray)',
    group: 'Anywhere',
    action: { kind: 'close-window' },
  },
  { keys: ['/'], does: 'Search the journal', group: 'Journal', action: { kind: 'search' } },
  { keys: ['Esc'], does: 'Clear the search (in the search box)', group: 'Journal' },
  { keys: ['Mod+Enter'], does: 'Save the kudos', group: 'Kudos form' },
  { keys: ['Esc'], does: 'Cancel the edit, or close Log kudos', group: 'Kudos form' },
  { keys: ['← / →'], does: 'Switch between Given and Received', group: 'Kudos form' },
  { keys: ['↑ / ↓'], does: 'Date: a day later / earlier', group: 'Date and time fields' },
  { keys: ['PageUp / PageDown'], does: 'Date: a week later / earlier', group: 'Date and time fields' },
  {
    keys: ['Arrows', 'PageUp / PageDown', 'Enter'],
    does: 'Calendar: move by a day or a week, by a month; pick the day',
    group: 'Date and time fields',
  },
  { keys: ['↑ / ↓'], does: 'Time: 15 minutes later / earlier', group: 'Date and time fields' },
  { keys: ['PageUp / PageDown'], does: 'Time: an hour later / earlier', group: 'Date and time fields' },
  { keys: ['Esc'], does: 'Close the dialog or calendar', group: 'Dialogs' },
  { keys: ['Tab', 'Shift+Tab'], does: 'Move through a dialog (focus stays inside)', group: 'Dialogs' },
];

/** The table's rows by group, in the groups' order, empty groups left out. */
export function shortcutsByGroup(table: ReadonlyArray<Shortcut> = SHORTCUTS): Array<[ShortcutGroup, Shortcut[]]> {
  return SHORTCUT_GROUPS.map((g): [ShortcutGroup, Shortcut[]] => [g, table.filter((s) => s.group === g)]).filter(
    ([, rows]) => rows.length > 0,
  );
}

/** The keys of a chord to draw one by one: `Mod+N` → `['Ctrl', 'N']`. */
export function chordKeys(chord: string, modKey: string): string[] {
  if (chord === '+') return ['+'];
  return chord.split('+').map((k) => (k === 'Mod' ? modKey : k));
}

/** A chord as `aria-keyshortcuts` writes it: `Mod+1` → `Control+1` (`Meta+1` on a Mac). */
export function ariaChord(chord: string, mac: boolean): string {
  return chordKeys(chord, mac ? 'Meta' : 'Control').join('+');
}

/** The parts of a key event the matching looks at. */
export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * True when `e` is the chord `Mod+N`, `N`, `?`… Ctrl or ⌘ is Mod. Letters
 * and digits want Shift exactly as written; a symbol such as `?` is typed
 * with or without Shift depending on the layout, so Shift is not looked at.
 * A digit also matches by its key position (`Digit1`), for layouts where
 * the digits need Shift.
 */
export function chordMatches(chord: string, e: KeyLike): boolean {
  const parts = chord.split('+');
  const key = parts.pop() ?? '';
  const mod = parts.includes('Mod');
  const shift = parts.includes('Shift');
  const alt = parts.includes('Alt');
  if ((e.ctrlKey || e.metaKey) !== mod || e.altKey !== alt) return false;
  if (/^[a-z0-9]$/i.test(key)) {
    if (e.shiftKey !== shift) return false;
    if (/^\d$/.test(key) && e.code === `Digit${key}`) return true;
    return e.key.toLowerCase() === key.toLowerCase();
  }
  return e.key === key;
}

/**
 * What an app-wide shortcut `e` asks for, or null. `typing`: focus is in a
 * text field, where chords without Mod are text. `inModal`: focus is in a
 * dialog, which only Mod+N and Mod+W reach beyond.
 */
export function actionFor(
  e: KeyLike,
  { typing, inModal }: { typing: boolean; inModal: boolean },
  table: ReadonlyArray<Shortcut> = SHORTCUTS,
): Action | null {
  for (const s of table) {
    if (!s.action) continue;
    const chord = s.keys.find((k) => chordMatches(k, e));
    if (!chord) continue;
    const withMod = chord.startsWith('Mod+');
    if (typing && !withMod && !s.whileTyping) continue;
    if (inModal && s.action.kind !== 'quick-add' && s.action.kind !== 'close-window') continue;
    return s.action;
  }
  return null;
}

/** True when a key event comes from a place where the user types text. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(type);
  }
  return false;
}

/** True when a key event comes from inside an open modal dialog. */
export function isInModal(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  return (target as Element).closest('dialog[open], [aria-modal="true"]') !== null;
}
