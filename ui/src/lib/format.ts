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

/** The fields of an entry form, as the backend names them in errors. */
export const ENTRY_FIELDS = ['direction', 'person', 'email', 'message', 'tags', 'link', 'occurred_on'] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];

/** The entry-form field an error's `field` names; null for none or another. */
export function entryField(field: string | null | undefined): EntryField | null {
  return (ENTRY_FIELDS as readonly (string | null | undefined)[]).includes(field) ? (field as EntryField) : null;
}
