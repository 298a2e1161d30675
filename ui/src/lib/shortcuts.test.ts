import { describe, expect, it } from 'vitest';
import { PAGES } from './pages';
import {
  actionFor,
  ariaChord,
  chordKeys,
  chordMatches,
  isInModal,
  isTypingTarget,
  pageChord,
  SHORTCUTS,
  shortcutsByGroup,
  type KeyLike,
} from './shortcuts';

const press = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});
const ctrl = (key: string, more: Partial<KeyLike> = {}) => press(key, { ctrlKey: true, ...more });
const free = { typing: false, inModal: false };
const typing = { typing: true, inModal: false };
const modal = { typing: false, inModal: true };

/** A stand-in for an element: what the checks read. */
const el = (tagName: string, more: Record<string, unknown> = {}) =>
  ({ tagName, isContentEditable: false, closest: () => null, ...more }) as unknown as EventTarget;

describe('screens', () => {
  it('Ctrl+1 onwards open the screens in the rail order', () => {
    expect(PAGES.map((p) => pageChord(p.id))).toEqual(PAGES.map((_, i) => `Mod+${i + 1}`));
    PAGES.forEach((p, i) => {
      expect(actionFor(ctrl(String(i + 1)), free)).toEqual({ kind: 'page', page: p.id });
    });
    expect(actionFor(ctrl('2'), free)).toEqual({ kind: 'page', page: 'buddies' });
    expect(actionFor(press('2', { metaKey: true }), free)).toEqual({ kind: 'page', page: 'buddies' });
    expect(actionFor(ctrl(String(PAGES.length + 1)), free)).toBeNull();
  });

  it('work while typing, not from a dialog, and by key position on layouts with shifted digits', () => {
    expect(actionFor(ctrl('3'), typing)).toEqual({ kind: 'page', page: 'schedule' });
    expect(actionFor(ctrl('3'), modal)).toBeNull();
    expect(actionFor(ctrl('&', { code: 'Digit1' }), free)).toEqual({ kind: 'page', page: 'journal' });
    expect(actionFor(press('1'), free)).toBeNull();
    expect(actionFor(ctrl('1', { altKey: true }), free)).toBeNull();
    expect(actionFor(ctrl('1', { shiftKey: true }), free)).toBeNull();
  });
});

describe('app-wide shortcuts', () => {
  it('? shows the shortcuts, outside text fields and dialogs only', () => {
    expect(actionFor(press('?', { shiftKey: true }), free)).toEqual({ kind: 'shortcuts' });
    expect(actionFor(press('?'), free)).toEqual({ kind: 'shortcuts' });
    expect(actionFor(press('?', { shiftKey: true }), typing)).toBeNull();
    expect(actionFor(press('?'), modal)).toBeNull();
    expect(actionFor(ctrl('?'), free)).toBeNull();
  });

  it('N logs kudos outside text fields, Ctrl+N everywhere', () => {
    expect(actionFor(press('n'), free)).toEqual({ kind: 'quick-add' });
    expect(actionFor(press('n'), typing)).toBeNull();
    expect(actionFor(press('N', { shiftKey: true }), free)).toBeNull();
    expect(actionFor(ctrl('n'), typing)).toEqual({ kind: 'quick-add' });
    expect(actionFor(ctrl('n'), modal)).toEqual({ kind: 'quick-add' });
  });

  it('Ctrl+W closes the window, / searches', () => {
    expect(actionFor(ctrl('w'), typing)).toEqual({ kind: 'close-window' });
    expect(actionFor(ctrl('w', { shiftKey: true }), free)).toBeNull();
    expect(actionFor(press('/'), free)).toEqual({ kind: 'search' });
    expect(actionFor(press('/'), typing)).toBeNull();
    expect(actionFor(press('x'), free)).toBeNull();
  });

  it('chords match exactly', () => {
    expect(chordMatches('Mod+N', ctrl('N'))).toBe(true);
    expect(chordMatches('Mod+N', press('n'))).toBe(false);
    expect(chordMatches('N', ctrl('n'))).toBe(false);
    expect(chordMatches('Shift+Tab', press('Tab', { shiftKey: true }))).toBe(true);
  });
});

describe('the table', () => {
  it('lists every app-wide shortcut with its keys, grouped', () => {
    const kinds = new Set(SHORTCUTS.flatMap((s) => (s.action ? [s.action.kind] : [])));
    expect([...kinds].sort()).toEqual(['close-window', 'page', 'quick-add', 'search', 'shortcuts']);
    for (const s of SHORTCUTS) {
      expect(s.keys.length).toBeGreaterThan(0);
      expect(s.does).not.toBe('');
    }
    const groups = shortcutsByGroup();
    expect(groups[0][0]).toBe('Anywhere');
    expect(groups.flatMap(([, rows]) => rows)).toHaveLength(SHORTCUTS.length);
    expect(groups.find(([g]) => g === 'Anywhere')?.[1].map((s) => s.does)).toContain('Go to Settings');
  });

  it('writes chords for people and for assistive technology', () => {
    expect(chordKeys('Mod+N', 'Ctrl')).toEqual(['Ctrl', 'N']);
    expect(chordKeys('Mod+1', '⌘')).toEqual(['⌘', '1']);
    expect(chordKeys('?', 'Ctrl')).toEqual(['?']);
    expect(ariaChord('Mod+3', false)).toBe('Control+3');
    expect(ariaChord('Mod+3', true)).toBe('Meta+3');
  });
});

describe('where focus is', () => {
  it('text fields take typing; buttons, checkboxes and the page do not', () => {
    expect(isTypingTarget(el('INPUT', { type: 'text' }))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'search' }))).toBe(true);
    expect(isTypingTarget(el('TEXTAREA'))).toBe(true);
    expect(isTypingTarget(el('SELECT'))).toBe(true);
    expect(isTypingTarget(el('DIV', { isContentEditable: true }))).toBe(true);
    expect(isTypingTarget(el('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTypingTarget(el('BUTTON'))).toBe(false);
    expect(isTypingTarget(el('BODY'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('inside an open dialog or not', () => {
    expect(isInModal(el('BUTTON', { closest: () => ({}) }))).toBe(true);
    expect(isInModal(el('BUTTON'))).toBe(false);
    expect(isInModal(null)).toBe(false);
  });
});
