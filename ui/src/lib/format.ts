// Small wording helpers shared by components.

/** "1 entry", "3 entries". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "3-week giving streak"; a friendlier line when there is none. */
export function streakLabel(weeks: number): string {
  if (weeks <= 0) return 'No giving streak yet';
  return `${weeks}-week giving streak`;
}

/** Toast text after an import. */
export function importSummary(imported: number, skipped: number): string {
  return `Imported ${imported}, skipped ${plural(skipped, 'duplicate', 'duplicates')}`;
}

/** The fields of an entry form, as the backend names them in error messages. */
export const ENTRY_FIELDS = ['direction', 'person', 'email', 'message', 'tags', 'link', 'occurred_on'] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];

/**
 * The form field a backend validation message is about, when the message
 * starts with the field's name (`person: must not be empty`,
 * `tags[2]: too long`, `occurred_on: …`). Null otherwise.
 */
export function errorField(message: string): EntryField | null {
  const m = /^\s*`?([a-z_]+)`?(?:\[\d+\])?\s*[:\s]/i.exec(message);
  if (!m) return null;
  const name = m[1].toLowerCase();
  if (name === 'date') return 'occurred_on';
  if (name === 'tag') return 'tags';
  return (ENTRY_FIELDS as readonly string[]).includes(name) ? (name as EntryField) : null;
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
